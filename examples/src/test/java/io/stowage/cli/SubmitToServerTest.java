package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup create --submit [--wait]} against a cluster where a backup controller runs (the
 * demo's {@link DemoServer}: Velero's CRDs, a filesystem storage location and the controller): the
 * command only creates the Backup object, the controller runs it, and {@code --wait} follows its
 * {@code status.progress} to the final phase.
 */
class SubmitToServerTest {
  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;
  private static DemoServer server;
  private static Path kubeconfig;
  private static Path store;

  @BeforeAll
  static void startClusterAndServer(@TempDir Path dir) {
    k8s = new EmbeddedKubernetes().start();
    for (String namespace : new String[] {"shop", "velero"}) {
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
    }
    k8s.seed(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("settings")
            .withNamespace("shop")
            .endMetadata()
            .addToData("mode", "fast")
            .build());
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));
    store = dir.resolve("store");
    client = k8s.client();
    server =
        DemoServer.start(
            client,
            StoreUri.parse("file://" + store),
            PluginRegistry.load(SubmitToServerTest.class.getClassLoader()),
            500);
  }

  @AfterAll
  static void stop() {
    server.close();
    k8s.close();
  }

  @Test
  void waitFollowsTheBackupUntilTheServerHasFinishedIt() {
    Cli.Result result =
        Cli.run(
            "backup",
            "create",
            "followed",
            "--submit",
            "--wait",
            "--include-namespaces",
            "shop",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.outLines())
        .startsWith("Backup request \"followed\" submitted successfully.")
        .anyMatch(l -> l.matches("\\S+Z Backup followed: \\d+/\\d+ items, \\d+s"))
        .contains("Backup followed: 2 items backed up, 0 warnings, 0 errors");
    assertThat(result.lastOutLine()).isEqualTo("Phase: Completed");
    assertThat(store.resolve("backups/followed/velero-backup.json")).isRegularFile();
    assertThat(store.resolve("backups/followed/followed.tar.gz")).isRegularFile();
  }

  @Test
  void waitExitsZeroWhateverThePhaseAsVeleroDoes() {
    Cli.Result result =
        Cli.run(
            "backup",
            "create",
            "misplaced",
            "--submit",
            "--wait",
            "--storage-location",
            "nosuch",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines())
        .anyMatch(l -> l.startsWith("Backup completed with status: FailedValidation."));
    assertThat(result.lastOutLine()).isEqualTo("Phase: FailedValidation");
    assertThat(result.errLines())
        .anyMatch(l -> l.startsWith("Validation error: ") && l.contains("nosuch"));
  }

  @Test
  void withoutWaitItOnlyCreatesTheBackupObject() throws InterruptedException {
    Cli.Result result =
        Cli.run(
            "backup",
            "create",
            "submitted",
            "--submit",
            "--include-namespaces",
            "shop",
            "--ttl",
            "2h0m0s",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines().get(0))
        .isEqualTo("Backup request \"submitted\" submitted successfully.");
    assertThat(result.out()).doesNotContain("Phase:");
    GenericKubernetesResource created =
        client
            .genericKubernetesResources(BackupWatch.BACKUPS)
            .inNamespace("velero")
            .withName("submitted")
            .get();
    assertThat(created).isNotNull();
    Backup backup = VeleroJson.readBackup(client.getKubernetesSerialization().asJson(created));
    assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly("shop");
    assertThat(backup.getSpec().getTtl().toString()).isEqualTo("2h0m0s");

    // The server still runs it; the next command finds it there.
    Backup done =
        new BackupWatch(client)
            .awaitFinished(
                "velero",
                "submitted",
                new ProgressDisplay(new PrintWriter(Writer.nullWriter()), false, "submitted"),
                Duration.ofMinutes(1));
    assertThat(done.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
  }

  @Test
  void anExistingBackupOrAStoreIsRefused() {
    Cli.Result withStore =
        Cli.run(
            "backup",
            "create",
            "x",
            "--submit",
            "--store",
            "file://" + store,
            "--kubeconfig",
            kubeconfig.toString());
    assertThat(withStore.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(withStore.errLines()).singleElement().asString().contains("--store", "--submit");

    Cli.Result first =
        Cli.run("backup", "create", "twice", "--submit", "--kubeconfig", kubeconfig.toString());
    Cli.Result again =
        Cli.run("backup", "create", "twice", "--submit", "--kubeconfig", kubeconfig.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(again.errLines()).singleElement().asString().contains("velero/twice already exists");
  }
}
