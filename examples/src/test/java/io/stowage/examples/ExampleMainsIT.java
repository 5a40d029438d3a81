package io.stowage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' {@code main}s as their Javadoc says to run them: {@code java -cp
 * examples/target/stowage.jar <main class> ...} in a child process, against an embedded cluster.
 */
class ExampleMainsIT {
  @TempDir Path tmp;

  private EmbeddedKubernetes k8s;
  private Path kubeconfig;

  @BeforeEach
  void startCluster() {
    k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
    for (String namespace : List.of("shop", "billing")) {
      k8s.seed(
          new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build(),
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("settings")
              .withNamespace(namespace)
              .endMetadata()
              .addToData("owner", namespace)
              .build());
    }
    kubeconfig = k8s.writeKubeconfig(tmp.resolve("kubeconfig"));
  }

  @AfterEach
  void stopCluster() {
    k8s.close();
  }

  @Test
  void backupToStreamWritesTheNamespaceToAFile() throws Exception {
    Path tarball = tmp.resolve("shop.tar.gz");

    Result result = run("io.stowage.examples.stream.BackupToStream", "shop", tarball.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("2 of 2 items backed up").doesNotContain("ERROR");
    assertThat(Tarballs.items(Tarballs.read(tarball)))
        .containsExactlyInAnyOrder(
            "resources/configmaps/namespaces/shop/settings.json",
            "resources/namespaces/cluster/shop.json");
  }

  @Test
  void controllerHostRunsOneBackupAndPrintsItsMetrics() throws Exception {
    Path store = tmp.resolve("store");

    Result result =
        run(
            "io.stowage.examples.controller.ControllerHost",
            kubeconfig.toString(),
            store.toString(),
            "billing");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("backup embedded-\\d{14}: Completed");
    assertThat(result.output()).contains("velero_backup_success_total{schedule=\"\"} 1");
    try (Stream<Path> backups = Files.list(store.resolve("backups/backups"))) {
      Path backup = backups.findFirst().orElseThrow();
      String name = backup.getFileName().toString();
      assertThat(Tarballs.items(Tarballs.read(backup.resolve(name + ".tar.gz"))))
          .contains("resources/configmaps/namespaces/billing/settings.json")
          .doesNotContain("resources/configmaps/namespaces/shop/settings.json");
    }
  }

  private record Result(int exitCode, String output) {}

  /** {@code java -cp target/stowage.jar mainClass args...} with KUBECONFIG set to the cluster's. */
  private Result run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(Path.of("target", "stowage.jar").toAbsolutePath().toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("KUBECONFIG", kubeconfig.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
    return new Result(process.exitValue(), output);
  }
}
