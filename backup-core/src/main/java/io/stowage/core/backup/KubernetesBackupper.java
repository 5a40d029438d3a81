package io.stowage.core.backup;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupLog;
import io.stowage.api.BackupResult;
import io.stowage.api.Backupper;
import io.stowage.api.ProgressListener;
import io.stowage.api.Request;
import io.stowage.core.cluster.Cluster;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@link Backupper} of a live cluster: Velero's {@code kubernetesBackupper} over the engine's
 * {@link Cluster} interface. Items stream from paginated lists through the actions into the
 * tarball; memory holds item keys, not bodies. Thread-safe: each call runs on its own state.
 */
public final class KubernetesBackupper implements Backupper {
  private final Cluster cluster;
  private final List<NamedAction> actions;
  private final BackupperOptions options;

  /**
   * @param actions item actions in the order they run on an item
   */
  public KubernetesBackupper(Cluster cluster, List<NamedAction> actions, BackupperOptions options) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.actions = List.copyOf(actions);
    this.options = requireNonNull(options, "options is null");
  }

  @Override
  public BackupResult backup(
      Request request, OutputStream tarball, BackupLog log, ProgressListener progress) {
    return new BackupRun(cluster, actions, options, request, log, progress).run(tarball);
  }
}
