package io.stowage.examples.stream;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.BackupLog;
import io.stowage.api.BackupResult;
import io.stowage.api.Backupper;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.Preparation;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupService;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.KubernetesClients;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls the {@link Backupper} directly: one namespace of a cluster into a Velero tarball written to
 * any {@link OutputStream}, without a storage location, a controller or a Backup object in the
 * cluster. What the stream receives is exactly the {@code <name>.tar.gz} a full backup stores.
 *
 * <pre>
 * java -cp examples/target/stowage.jar io.stowage.examples.stream.BackupToStream shop shop.tar.gz
 * </pre>
 *
 * The cluster comes from {@code KUBECONFIG} (or {@code ~/.kube/config}, or in-cluster); progress,
 * warnings and errors go to stderr. Without a file argument, or with {@code -}, the tarball goes to
 * stdout.
 */
public final class BackupToStream {
  /** The location recorded in the Backup. Nothing is written there: the tarball is the output. */
  static final String LOCATION = "stream";

  private BackupToStream() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: BackupToStream NAMESPACE [FILE|-]");
      System.exit(64);
    }
    boolean toStdout = args.length == 1 || args[1].equals("-");
    try (KubernetesClient client = KubernetesClients.create(null);
        OutputStream out =
            new BufferedOutputStream(
                toStdout ? System.out : Files.newOutputStream(Path.of(args[1])))) {
      BackupResult result = backUpNamespace(client, args[0], out, BackupToStream::logToStderr);
      System.err.printf(
          "%d of %d items backed up%s%n",
          result.itemsBackedUp(),
          result.totalItems(),
          result.failureReason() == null ? "" : "; failed: " + result.failureReason());
    }
  }

  /**
   * Backs up the namespace {@code namespace} (its namespaced objects, the Namespace itself and the
   * cluster-scoped objects the built-in actions add, such as the PVs of its PVCs) into {@code
   * tarball}. The stream is flushed, not closed.
   *
   * @throws IllegalArgumentException when the request fails Velero's validation
   */
  public static BackupResult backUpNamespace(
      KubernetesClient client, String namespace, OutputStream tarball, BackupLog log) {
    Backup backup = new Backup();
    backup.getMetadata().setName("stream-" + namespace);
    backup.getMetadata().setNamespace("velero");
    backup.getSpec().setIncludedNamespaces(new ArrayList<>(List.of(namespace)));
    backup.getSpec().setStorageLocation(LOCATION);

    // Velero's preparation (defaults, validation, the source-cluster annotations), then the same
    // backupper a stored backup runs: the item actions and snapshotters on the class path.
    Fabric8Cluster cluster = new Fabric8Cluster(client);
    PluginRegistry registry = PluginRegistry.load();
    BackupService service =
        BackupServices.standard(
            cluster, registry, PreparationDefaults.VELERO, BackupperOptions.DEFAULTS, null);
    Preparation preparation =
        service.prepare(backup, new FixedLocationCatalog(List.of(streamLocation()), null));
    if (!preparation.valid()) {
      throw new IllegalArgumentException("invalid backup: " + preparation.validationErrors());
    }
    Backupper backupper = BackupServices.backupper(cluster, registry, BackupperOptions.DEFAULTS);
    return backupper.backup(
        preparation.request(),
        tarball,
        log,
        progress ->
            System.err.printf("%d/%d items%n", progress.itemsBackedUp(), progress.totalItems()));
  }

  private static BackupStorageLocation streamLocation() {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(LOCATION);
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider("none");
    return location;
  }

  /** Warnings and errors of the backup log; the full log is what a stored backup keeps. */
  private static void logToStderr(
      BackupLog.Level level, ResourceIdentifier item, String message, Throwable e) {
    if (level == BackupLog.Level.WARN || level == BackupLog.Level.ERROR) {
      System.err.println(
          level + " " + (item == null ? "" : item + ": ") + message + (e == null ? "" : ": " + e));
    }
  }
}
