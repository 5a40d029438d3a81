package io.stowage.api;

import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Backupper} run produced besides the tarball.
 *
 * @param totalItems items collected or discovered
 * @param itemsBackedUp distinct items backed up
 * @param resourceList Velero's resource list: {@code "<apiVersion>/<Kind>"} to the sorted {@code
 *     "<namespace>/<name>"} or {@code "<name>"} of each backed-up item
 * @param volumeSnapshots records of native volume snapshots taken, in the order taken
 * @param hooksAttempted hooks run
 * @param hooksFailed hooks that failed
 * @param csiVolumeSnapshotsAttempted CSI VolumeSnapshots created for this backup
 * @param csiVolumeSnapshotsCompleted CSI VolumeSnapshots whose content became ready
 * @param failureReason why the backup as a whole failed, or {@code null} when it ran to its end
 * @param csiVolumeSnapshots the CSI VolumeSnapshots of this backup as read from the cluster at the
 *     end of the run (for {@code <name>-csi-volumesnapshots.json.gz}); read only
 * @param csiVolumeSnapshotContents their VolumeSnapshotContents, likewise; read only
 * @param csiVolumeSnapshotClasses the VolumeSnapshotClasses those contents name, likewise; read
 *     only
 * @param volumeInfos what the backup did with each backed-up PersistentVolume, for {@code
 *     <name>-volumeinfo.json.gz}: skipped PVs, native snapshots, CSI snapshots, in that order
 */
public record BackupResult(
    int totalItems,
    int itemsBackedUp,
    SortedMap<String, List<String>> resourceList,
    List<NativeVolumeSnapshot> volumeSnapshots,
    int hooksAttempted,
    int hooksFailed,
    int csiVolumeSnapshotsAttempted,
    int csiVolumeSnapshotsCompleted,
    String failureReason,
    List<ObjectNode> csiVolumeSnapshots,
    List<ObjectNode> csiVolumeSnapshotContents,
    List<ObjectNode> csiVolumeSnapshotClasses,
    List<BackupVolumeInfo> volumeInfos) {
  public BackupResult {
    SortedMap<String, List<String>> copy = new TreeMap<>();
    if (resourceList != null) {
      for (Map.Entry<String, List<String>> entry : resourceList.entrySet()) {
        copy.put(entry.getKey(), List.copyOf(entry.getValue()));
      }
    }
    resourceList = java.util.Collections.unmodifiableSortedMap(copy);
    volumeSnapshots = volumeSnapshots == null ? List.of() : List.copyOf(volumeSnapshots);
    csiVolumeSnapshots = csiVolumeSnapshots == null ? List.of() : List.copyOf(csiVolumeSnapshots);
    csiVolumeSnapshotContents =
        csiVolumeSnapshotContents == null ? List.of() : List.copyOf(csiVolumeSnapshotContents);
    csiVolumeSnapshotClasses =
        csiVolumeSnapshotClasses == null ? List.of() : List.copyOf(csiVolumeSnapshotClasses);
    volumeInfos = volumeInfos == null ? List.of() : List.copyOf(volumeInfos);
  }

  /** A result without volume-info entries. */
  public BackupResult(
      int totalItems,
      int itemsBackedUp,
      SortedMap<String, List<String>> resourceList,
      List<NativeVolumeSnapshot> volumeSnapshots,
      int hooksAttempted,
      int hooksFailed,
      int csiVolumeSnapshotsAttempted,
      int csiVolumeSnapshotsCompleted,
      String failureReason,
      List<ObjectNode> csiVolumeSnapshots,
      List<ObjectNode> csiVolumeSnapshotContents,
      List<ObjectNode> csiVolumeSnapshotClasses) {
    this(
        totalItems,
        itemsBackedUp,
        resourceList,
        volumeSnapshots,
        hooksAttempted,
        hooksFailed,
        csiVolumeSnapshotsAttempted,
        csiVolumeSnapshotsCompleted,
        failureReason,
        csiVolumeSnapshots,
        csiVolumeSnapshotContents,
        csiVolumeSnapshotClasses,
        List.of());
  }

  /** A result without CSI snapshot objects or volume-info entries. */
  public BackupResult(
      int totalItems,
      int itemsBackedUp,
      SortedMap<String, List<String>> resourceList,
      List<NativeVolumeSnapshot> volumeSnapshots,
      int hooksAttempted,
      int hooksFailed,
      int csiVolumeSnapshotsAttempted,
      int csiVolumeSnapshotsCompleted,
      String failureReason) {
    this(
        totalItems,
        itemsBackedUp,
        resourceList,
        volumeSnapshots,
        hooksAttempted,
        hooksFailed,
        csiVolumeSnapshotsAttempted,
        csiVolumeSnapshotsCompleted,
        failureReason,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** {@code true} when the backup as a whole failed. */
  public boolean failed() {
    return failureReason != null;
  }

  /** Native snapshots that completed. */
  public long volumeSnapshotsCompleted() {
    return volumeSnapshots.stream().filter(NativeVolumeSnapshot::completed).count();
  }
}
