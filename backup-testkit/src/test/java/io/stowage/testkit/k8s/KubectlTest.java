package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl, the reference client of the benchmark, against the embedded server. */
class KubectlTest {

  private static EmbeddedKubernetes k8s;
  private static Path kubeconfig;
  private static Path cacheDir;

  @BeforeAll
  static void start(@TempDir Path dir) {
    k8s = new EmbeddedKubernetes().start();
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));
    cacheDir = dir.resolve("kube-cache"); // keeps discovery caches out of ~/.kube
    for (int i = 0; i < 30; i++) {
      k8s.seed(Fixtures.configMap("ns-" + (i % 2), "cm-" + i, Map.of("app", "web")));
    }
    k8s.seed(Fixtures.crd("backups", "Backup", "Namespaced"), Fixtures.backup("velero", "daily"));
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void getConfigMapsAcrossNamespacesAsJson() throws Exception {
    String json = kubectl("get", "configmaps", "-A", "-o", "json");

    GenericKubernetesResourceList list =
        Serialization.unmarshal(json, GenericKubernetesResourceList.class);
    assertThat(list.getItems()).hasSize(30);
    assertThat(list.getItems().stream().map(i -> i.getMetadata().getName()))
        .contains("cm-0", "cm-29");
  }

  @Test
  void smallChunksShortNamesSelectorsAndCustomResources() throws Exception {
    String names =
        kubectl("get", "cm", "-n", "ns-1", "--chunk-size=4", "-l", "app in (web)", "-o", "name");
    String backups = kubectl("get", "backups.velero.io", "-A", "-o", "name");
    String version = kubectl("version", "-o", "json");

    assertThat(names.lines().count()).isEqualTo(15);
    assertThat(backups.trim()).isEqualTo("backup.velero.io/daily");
    assertThat(version).contains("\"gitVersion\": \"v1.32.0\"");
  }

  @Test
  void kubeconfigAlsoWorksForFabric8() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));

    assertThat(config.getMasterUrl()).startsWith(k8s.url());
    assertThat(config.getNamespace()).isEqualTo("default");
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(client.configMaps().inNamespace("ns-0").list().getItems()).hasSize(15);
    }
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    Path binary = findKubectl();
    assumeTrue(binary != null, "kubectl is not on the PATH: skipping the kubectl checks");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("kubectl %s failed: %s", String.join(" ", args), err)
        .isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static Path findKubectl() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }
}
