package io.stowage.snapshot.csi;

import io.stowage.api.BackupException;
import io.stowage.api.spi.ClusterAccess;
import java.util.Optional;

/** The cluster access every CSI action needs. */
final class Clusters {
  private Clusters() {}

  /**
   * The cluster, or a {@link CsiErrorCode#NO_CLUSTER_ACCESS} error naming the action and the item.
   */
  static ClusterAccess require(Optional<ClusterAccess> cluster, String action, String item) {
    return cluster.orElseThrow(
        () ->
            new BackupException(
                CsiErrorCode.NO_CLUSTER_ACCESS,
                "Cannot run "
                    + action
                    + " on "
                    + item
                    + ": the action has no cluster access; create it with a PluginContext that"
                    + " has a cluster (BackupServices.standard does)"));
  }
}
