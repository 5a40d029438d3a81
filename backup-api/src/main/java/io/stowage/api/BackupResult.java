package io.stowage.api;

import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
    String failureReason) {
  public BackupResult {
    SortedMap<String, List<String>> copy = new TreeMap<>();
    if (resourceList != null) {
      for (Map.Entry<String, List<String>> entry : resourceList.entrySet()) {
        copy.put(entry.getKey(), List.copyOf(entry.getValue()));
      }
    }
    resourceList = java.util.Collections.unmodifiableSortedMap(copy);
    volumeSnapshots = volumeSnapshots == null ? List.of() : List.copyOf(volumeSnapshots);
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
