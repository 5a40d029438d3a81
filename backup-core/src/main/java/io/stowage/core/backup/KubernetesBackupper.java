package io.stowage.core.backup;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupLog;
import io.stowage.api.BackupResult;
import io.stowage.api.Backupper;
import io.stowage.api.ProgressListener;
import io.stowage.api.Request;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.snapshot.VolumeSnapshotterFactory;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@link Backupper} of a live cluster: Velero's {@code kubernetesBackupper} over the engine's
 * {@link Cluster} interface. Items stream from paginated lists through the actions into the
 * tarball; memory holds item keys, not bodies. PersistentVolumes are snapshotted through the
 * request's snapshot locations (facts §6.9). Thread-safe: each call runs on its own state.
 */
public final class KubernetesBackupper implements Backupper {
  private final Cluster cluster;
  private final List<NamedAction> actions;
  private final BackupperOptions options;
  private final VolumeSnapshotterFactory snapshotters;

  /**
   * A backupper without volume snapshotter plugins: a PersistentVolume of a backup that has
   * snapshot locations gets an error saying so ({@link VolumeSnapshotterFactory#NONE}).
   *
   * @param actions item actions in the order they run on an item
   */
  public KubernetesBackupper(Cluster cluster, List<NamedAction> actions, BackupperOptions options) {
    this(cluster, actions, options, VolumeSnapshotterFactory.NONE);
  }

  /**
   * @param actions item actions in the order they run on an item
   * @param snapshotters creates the snapshotter of each snapshot location a backup uses, once per
   *     location and backup, on first use
   */
  public KubernetesBackupper(
      Cluster cluster,
      List<NamedAction> actions,
      BackupperOptions options,
      VolumeSnapshotterFactory snapshotters) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.actions = List.copyOf(actions);
    this.options = requireNonNull(options, "options is null");
    this.snapshotters = requireNonNull(snapshotters, "snapshotters is null");
  }

  @Override
  public BackupResult backup(
      Request request, OutputStream tarball, BackupLog log, ProgressListener progress) {
    return new BackupRun(cluster, actions, options, snapshotters, request, log, progress)
        .run(tarball);
  }
}
