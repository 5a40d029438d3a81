package io.stowage.examples.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.stowage.api.BackupLog;
import io.stowage.api.BackupResult;
import io.stowage.examples.Tarballs;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BackupToStream} against an embedded API server: one namespace, into a byte stream. */
class BackupToStreamTest {
  private static EmbeddedKubernetes k8s;

  @BeforeAll
  static void startCluster() {
    k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
    for (String namespace : List.of("shop", "billing")) {
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
      k8s.seed(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("settings")
              .withNamespace(namespace)
              .endMetadata()
              .addToData("owner", namespace)
              .build(),
          new SecretBuilder()
              .withNewMetadata()
              .withName("db")
              .withNamespace(namespace)
              .endMetadata()
              .addToStringData("password", "pw-" + namespace)
              .build());
    }
  }

  @AfterAll
  static void stopCluster() {
    k8s.close();
  }

  @Test
  void theStreamHoldsTheNamespaceAndNothingElse() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> errors = new CopyOnWriteArrayList<>();
    BackupLog log =
        (level, item, message, error) -> {
          if (level == BackupLog.Level.ERROR) {
            errors.add(item + ": " + message);
          }
        };

    BackupResult result = BackupToStream.backUpNamespace(k8s.client(), "shop", out, log);

    assertThat(result.failureReason()).isNull();
    assertThat(errors).isEmpty();
    Map<String, String> entries = Tarballs.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(entries.keySet()).first().isEqualTo("metadata/version");
    assertThat(Tarballs.items(entries))
        .containsExactlyInAnyOrder(
            "resources/configmaps/namespaces/shop/settings.json",
            "resources/secrets/namespaces/shop/db.json",
            "resources/namespaces/cluster/shop.json");
    assertThat(entries.get("resources/configmaps/namespaces/shop/settings.json"))
        .contains("\"owner\":\"shop\"");
    assertThat(result.itemsBackedUp()).isEqualTo(3);
  }
}
