package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage demo} end to end, in process: one run (a Backup object processed by the controller
 * in the demo cluster), then the commands it suggests.
 */
class DemoCommandTest {
  private static final String PREFIX = "  " + DemoSummary.DEFAULT_STOWAGE + " ";

  @TempDir Path tmp;

  @Test
  void backsUpTheDemoClusterAndSuggestsCommandsThatWork() throws IOException {
    Path dir = tmp.resolve("demo");

    Cli.Result result = Cli.run("demo", "--dir", dir.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.outLines()).contains("Phase: Completed");
    assertThat(result.outLines())
        .contains("Backup controller running in this JVM, watching namespace velero; installed:")
        .anyMatch(
            l ->
                l.matches(
                    "Created Backup velero/demo-\\d{14}; waiting for the controller\\.\\.\\."));
    assertThat(result.outLines())
        .anyMatch(l -> l.matches("\\S+Z Backup demo-\\d{14}: \\d+/\\d+ items, \\d+s"));
    Path backups = dir.resolve("backups");
    List<Path> written;
    try (Stream<Path> list = Files.list(backups)) {
      written = list.toList();
    }
    assertThat(written).hasSize(1);
    String name = written.get(0).getFileName().toString();
    assertThat(name).matches("demo-\\d{14}");
    Path backupDir = backups.resolve(name);
    for (String file :
        List.of(
            "velero-backup.json",
            name + ".tar.gz",
            name + "-logs.gz",
            name + "-resource-list.json.gz",
            name + "-results.gz",
            name + "-volumesnapshots.json.gz")) {
      assertThat(backupDir.resolve(file)).isRegularFile();
    }
    Backup stored =
        VeleroJson.readBackup(Files.readAllBytes(backupDir.resolve("velero-backup.json")));
    assertThat(stored.getStatus().getPhase().value()).isEqualTo("Completed");
    assertThat(stored.getMetadata().getNamespace()).isEqualTo("velero");
    assertThat(stored.getSpec().getIncludedNamespaces()).containsExactly("*");
    // Both PVCs are CSI volumes: the CSI plugin snapshots them, the cluster's snapshot controller
    // binds the snapshots.
    assertThat(stored.getStatus().getCsiVolumeSnapshotsAttempted()).isEqualTo(2);
    assertThat(stored.getStatus().getCsiVolumeSnapshotsCompleted()).isEqualTo(2);
    assertThat(result.outLines()).contains("  CSI snapshots:    2 of 2 ready");

    String pv = "pvc-" + DemoCluster.uid("PersistentVolumeClaim", "shop", "cart-data") + ".json";
    assertThat(tarEntries(backupDir.resolve(name + ".tar.gz")))
        .contains(
            "metadata/version",
            "resources/pods/namespaces/shop/web-6f9c7b8d5c-4zqkp.json",
            "resources/deployments.apps/namespaces/billing/invoices.json",
            "resources/secrets/namespaces/billing/ledger-db-credentials.json",
            "resources/persistentvolumeclaims/namespaces/shop/cart-data.json",
            "resources/persistentvolumes/cluster/" + pv,
            "resources/storageclasses.storage.k8s.io/cluster/csi-hostpath-sc.json",
            "resources/volumesnapshotclasses.snapshot.storage.k8s.io/cluster/"
                + DemoCluster.SNAPSHOT_CLASS
                + ".json",
            "resources/widgets.demo.stowage.io/namespaces/shop/blue-gizmo.json",
            "resources/widgets.demo.stowage.io/namespaces/billing/ledger-meter.json",
            "resources/customresourcedefinitions.apiextensions.k8s.io/cluster/"
                + "widgets.demo.stowage.io.json",
            "resources/clusterroles.rbac.authorization.k8s.io/cluster/widget-reader.json",
            "resources/clusterrolebindings.rbac.authorization.k8s.io/cluster/widget-readers.json",
            "resources/serviceaccounts/namespaces/shop/web.json",
            "resources/namespaces/cluster/velero.json",
            // The Backup was an object in the cluster, run by the controller, with its location.
            "resources/backups.velero.io/namespaces/velero/" + name + ".json",
            "resources/backupstoragelocations.velero.io/namespaces/velero/default.json");
    assertThat(tarEntries(backupDir.resolve(name + ".tar.gz")))
        .filteredOn(
            e -> e.startsWith("resources/volumesnapshots.snapshot.storage.k8s.io/namespaces/"))
        .hasSize(2)
        .anyMatch(e -> e.contains("/namespaces/shop/velero-cart-data-"))
        .anyMatch(e -> e.contains("/namespaces/billing/velero-ledger-data-"));
    assertThat(tarEntries(backupDir.resolve(name + ".tar.gz")))
        .filteredOn(
            e -> e.startsWith("resources/volumesnapshotcontents.snapshot.storage.k8s.io/cluster/"))
        .hasSize(2);
    assertThat(result.outLines())
        .contains("  Tarball:          " + backupDir.resolve(name + ".tar.gz"))
        .contains("  tar tzf " + backupDir.resolve(name + ".tar.gz") + " | head -20");
    assertThat(dir.resolve(DemoCommand.KUBECONFIG)).as("removed with the cluster").doesNotExist();

    assertThat(result.outLines())
        .contains(PREFIX + "demo --dir " + dir + " --keep-running")
        .contains("  export KUBECONFIG=" + dir.resolve(DemoCommand.KUBECONFIG));
    List<String> suggested =
        result.outLines().stream().filter(l -> l.startsWith(PREFIX + "backup ")).toList();
    assertThat(suggested).hasSize(3);
    for (String command : suggested) {
      String[] args = command.substring(PREFIX.length()).split(" ");
      Cli.Result next = Cli.run(args);
      assertThat(next.exitCode()).as(command + "\n" + next.err()).isZero();
      assertThat(next.out()).as(command).contains(name);
    }
  }

  private static List<String> tarEntries(Path tarball) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
