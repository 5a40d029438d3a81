package io.stowage.snapshot.csi;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ClusterAccess;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code CleanupVolumeSnapshot}: a VolumeSnapshot that will not be used is deleted, its
 * bound content (if any) first set to {@code deletionPolicy: Delete} so that the snapshot in the
 * storage system goes too.
 */
final class SnapshotCleanup {
  private SnapshotCleanup() {}

  /**
   * Deletes the snapshot; never throws.
   *
   * @param item the item the clean-up is for, for log entries
   * @return what happened, for an error message: {@code the VolumeSnapshot was deleted} or why not
   */
  static String deleteSnapshot(
      ClusterAccess cluster, BackupLog log, ResourceIdentifier snapshot, ResourceIdentifier item) {
    String vsName = snapshot.namespace() + "/" + snapshot.name();
    try {
      Optional<ObjectNode> current = cluster.get(snapshot);
      if (current.isEmpty()) {
        return "the VolumeSnapshot no longer exists";
      }
      String content = Json.text(current.get(), "status", "boundVolumeSnapshotContentName");
      if (!content.isEmpty()) {
        ObjectNode patch = Json.object();
        patch.putObject("spec").put("deletionPolicy", "Delete");
        try {
          cluster.mergePatch(
              ResourceIdentifier.clusterScoped(CsiNames.VOLUME_SNAPSHOT_CONTENTS, content), patch);
        } catch (RuntimeException e) {
          log.info(
              item,
              "Failed to patch DeletionPolicy of volume snapshot "
                  + vsName
                  + ": "
                  + e.getMessage());
        }
      }
      cluster.delete(snapshot);
      log.info(item, "Deleted volumesnapshot " + vsName);
      return "the VolumeSnapshot was deleted";
    } catch (RuntimeException e) {
      return "deleting the VolumeSnapshot failed ("
          + e.getMessage()
          + "); delete it by hand with kubectl delete volumesnapshot -n "
          + snapshot.namespace()
          + " "
          + snapshot.name();
    }
  }
}
