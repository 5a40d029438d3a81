package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar stowage.jar server} as a user runs it: against a cluster served by the testkit,
 * with a filesystem BackupStorageLocation, a Backup created with {@code kubectl create
 * --validate=false -f} reaches Completed and its files land in the store; {@code backup download}
 * then copies its tarball into the current directory.
 */
class ServerCommandIT {
  private static final ResourceDefinitionContext BACKUPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withPlural("backups")
          .withKind("Backup")
          .withNamespaced(true)
          .build();

  @TempDir Path tmp;

  @Test
  void runsABackupCreatedWithKubectlToCompleted() throws Exception {
    Path kubectl = Path.of("/usr/bin/kubectl");
    assumeTrue(
        Files.isExecutable(kubectl) || onPath("kubectl"),
        "kubectl is not installed; this test creates the Backup with kubectl as a user would");
    try (EmbeddedKubernetes k8s = new EmbeddedKubernetes().start()) {
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName("velero").endMetadata().build());
      k8s.seed(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("settings")
              .withNamespace("shop")
              .endMetadata()
              .addToData("mode", "fast")
              .build());
      Path kubeconfig = k8s.writeKubeconfig(tmp.resolve("kubeconfig"));
      Path storeRoot = tmp.resolve("store");
      Process server =
          new ProcessBuilder(
                  javaBinary(),
                  "-jar",
                  Path.of("target", "stowage.jar").toAbsolutePath().toString(),
                  "server",
                  "--kubeconfig",
                  kubeconfig.toString(),
                  "--metrics-port",
                  "0")
              .redirectErrorStream(true)
              .start();
      try {
        awaitLine(server, "watching Backups", Duration.ofSeconds(60));
        Path manifests = tmp.resolve("backup.yaml");
        Files.writeString(
            manifests,
            """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata:
              name: default
              namespace: velero
            spec:
              provider: filesystem
              default: true
              objectStorage:
                bucket: backups
              config:
                root: %s
            ---
            apiVersion: velero.io/v1
            kind: Backup
            metadata:
              name: from-kubectl
              namespace: velero
            spec:
              includedNamespaces: [shop]
            """
                .formatted(storeRoot));
        Process create =
            new ProcessBuilder(
                    "kubectl",
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "create",
                    "--validate=false",
                    "-f",
                    manifests.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(create.exitValue())
            .as(new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isZero();

        String phase = awaitPhase(k8s, "from-kubectl", Duration.ofSeconds(60));

        assertThat(phase).isEqualTo("Completed");
        Path backupDir = storeRoot.resolve("backups/backups/from-kubectl");
        assertThat(backupDir.resolve("velero-backup.json")).exists();
        assertThat(backupDir.resolve("from-kubectl.tar.gz")).exists();

        // What the user does next: download it; by default into the current directory.
        Path workDir = Files.createDirectories(tmp.resolve("work"));
        Process download =
            new ProcessBuilder(
                    javaBinary(),
                    "-jar",
                    Path.of("target", "stowage.jar").toAbsolutePath().toString(),
                    "backup",
                    "download",
                    "from-kubectl",
                    "--store",
                    "file://" + storeRoot.resolve("backups"))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String said = new String(download.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(download.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(download.exitValue()).as(said).isZero();
        Path downloaded = workDir.resolve("from-kubectl-data.tar.gz");
        assertThat(said.strip())
            .isEqualTo("Backup from-kubectl has been successfully downloaded to " + downloaded);
        assertThat(downloaded).hasSameBinaryContentAs(backupDir.resolve("from-kubectl.tar.gz"));
      } finally {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        server.destroyForcibly();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static String awaitPhase(EmbeddedKubernetes k8s, String name, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String phase = "";
    while (Instant.now().isBefore(deadline)) {
      GenericKubernetesResource backup =
          k8s.client()
              .genericKubernetesResources(BACKUPS)
              .inNamespace("velero")
              .withName(name)
              .get();
      Object status = backup == null ? null : backup.getAdditionalProperties().get("status");
      phase =
          status instanceof Map<?, ?> map
              ? String.valueOf(((Map<String, Object>) map).get("phase"))
              : "";
      if (List.of("Completed", "PartiallyFailed", "Failed", "FailedValidation").contains(phase)) {
        return phase;
      }
      Thread.sleep(200);
    }
    return phase;
  }

  private static void awaitLine(Process process, String text, Duration timeout) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plus(timeout);
    StringBuilder seen = new StringBuilder();
    while (Instant.now().isBefore(deadline)) {
      String line = reader.readLine();
      if (line == null) {
        break;
      }
      seen.append(line).append('\n');
      if (line.contains(text)) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    reader.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException e) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new AssertionError("the server did not start; its output:\n" + seen);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
