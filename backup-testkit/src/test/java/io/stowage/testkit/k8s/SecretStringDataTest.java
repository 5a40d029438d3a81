package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretStringDataTest {

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    k8s = new EmbeddedKubernetes().start();
    client = k8s.client();
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void createFoldsStringDataIntoDataInResponseAndStore() {
    Secret created =
        client
            .secrets()
            .inNamespace("app")
            .resource(secret("created").addToData("kept", b64("old")).build())
            .create();
    Secret stored = client.secrets().inNamespace("app").withName("created").get();

    for (Secret s : new Secret[] {created, stored}) {
      assertThat(s.getStringData()).isNullOrEmpty();
      assertThat(s.getData())
          .containsEntry("password", b64("s3cr3t"))
          .containsEntry("kept", b64("old"));
    }
  }

  @Test
  void updateAndMergePatchFoldStringDataToo() {
    client.secrets().inNamespace("app").resource(secret("updated").build()).create();

    Secret replaced =
        client
            .secrets()
            .inNamespace("app")
            .withName("updated")
            .edit(s -> new SecretBuilder(s).addToStringData("user", "admin").build());
    Secret patched =
        client
            .secrets()
            .inNamespace("app")
            .withName("updated")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"stringData\":{\"password\":\"rotated\"}}");

    assertThat(replaced.getData()).containsEntry("user", b64("admin"));
    assertThat(patched.getStringData()).isNullOrEmpty();
    assertThat(patched.getData())
        .containsEntry("password", b64("rotated"))
        .containsEntry("user", b64("admin"));
    assertThat(client.secrets().inNamespace("app").withName("updated").get().getData())
        .containsEntry("password", b64("rotated"));
  }

  @Test
  void seedingFoldsStringData() {
    k8s.seed(secret("seeded").build());

    Secret seeded = client.secrets().inNamespace("app").withName("seeded").get();

    assertThat(seeded.getStringData()).isNullOrEmpty();
    assertThat(seeded.getData()).containsEntry("password", b64("s3cr3t"));
  }

  private static SecretBuilder secret(String name) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("app")
        .endMetadata()
        .addToStringData("password", "s3cr3t");
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
