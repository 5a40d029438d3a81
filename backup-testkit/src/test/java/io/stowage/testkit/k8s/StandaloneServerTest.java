package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerTest {

  @Test
  void startsSeededServerAndWritesKubeconfig(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    StandaloneServer.Options options =
        StandaloneServer.parse(
            new String[] {
              "--configmaps",
              "250",
              "--namespaces",
              "4",
              "--payload-bytes",
              "1000",
              "--kubeconfig",
              kubeconfig.toString(),
              "--git-version",
              "v1.30.2"
            });
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    try (EmbeddedKubernetes k8s =
        StandaloneServer.start(options, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      List<ConfigMap> items = k8s.client().configMaps().inAnyNamespace().list().getItems();

      assertThat(items).hasSize(250);
      assertThat(items.get(0).getMetadata().getNamespace()).isEqualTo("bench-0");
      assertThat(items.get(0).getData().get("payload")).hasSize(1000);
      assertThat(k8s.client().namespaces().list().getItems()).hasSize(2 + 4);
      assertThat(k8s.client().getKubernetesVersion().getMinor()).isEqualTo("30");
      assertThat(Files.readString(kubeconfig)).contains(k8s.url());
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("seeded 250 ConfigMaps", "export KUBECONFIG=" + kubeconfig);
    }
  }

  @Test
  void defaultsAndBadArguments() {
    StandaloneServer.Options defaults = StandaloneServer.parse(new String[0]);

    assertThat(defaults.port()).isZero();
    assertThat(defaults.configMaps()).isZero();
    assertThat(defaults.payloadBytes()).isEqualTo(1024);
    assertThat(defaults.defaultNamespaces()).isTrue();
    assertThat(StandaloneServer.parse(new String[] {"--no-default-namespaces"}).defaultNamespaces())
        .isFalse();
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--configmaps"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--namespaces", "0"}))
        .hasMessageContaining("--namespaces");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--frobnicate"}))
        .hasMessageContaining("unknown option");
  }
}
