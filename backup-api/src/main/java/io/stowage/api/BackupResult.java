package io.stowage.api;

import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Backupper} run produced besides the tarball. Implementations build it with {@link
 * #builder()}, which keeps them compiling when fields are added; lists may be given as {@code null}
 * (empty) and are copied.
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

  /** A builder starting from an empty result: no items, no snapshots, no hooks, not failed. */
  public static Builder builder() {
    return new Builder();
  }

  /** A result that failed before anything was backed up. */
  public static BackupResult failedBeforeStart(String failureReason) {
    return builder().failureReason(failureReason).build();
  }

  /**
   * Builds a {@link BackupResult} field by field, so that a {@link Backupper} states only what it
   * produced and keeps compiling when fields are added. Not thread-safe.
   */
  public static final class Builder {
    private int totalItems;
    private int itemsBackedUp;
    private SortedMap<String, List<String>> resourceList;
    private List<NativeVolumeSnapshot> volumeSnapshots;
    private int hooksAttempted;
    private int hooksFailed;
    private int csiVolumeSnapshotsAttempted;
    private int csiVolumeSnapshotsCompleted;
    private String failureReason;
    private List<ObjectNode> csiVolumeSnapshots;
    private List<ObjectNode> csiVolumeSnapshotContents;
    private List<ObjectNode> csiVolumeSnapshotClasses;
    private List<BackupVolumeInfo> volumeInfos;

    private Builder() {}

    /** Items collected or discovered, and the distinct items backed up. */
    public Builder items(int total, int backedUp) {
      this.totalItems = total;
      this.itemsBackedUp = backedUp;
      return this;
    }

    public Builder resourceList(SortedMap<String, List<String>> value) {
      this.resourceList = value;
      return this;
    }

    public Builder volumeSnapshots(List<NativeVolumeSnapshot> value) {
      this.volumeSnapshots = value;
      return this;
    }

    /** Hooks run, and those that failed. */
    public Builder hooks(int attempted, int failed) {
      this.hooksAttempted = attempted;
      this.hooksFailed = failed;
      return this;
    }

    /** CSI VolumeSnapshots created for the backup, and those whose content became ready. */
    public Builder csiVolumeSnapshotCounts(int attempted, int completed) {
      this.csiVolumeSnapshotsAttempted = attempted;
      this.csiVolumeSnapshotsCompleted = completed;
      return this;
    }

    /** The CSI VolumeSnapshots, their contents and their classes, as read from the cluster. */
    public Builder csiObjects(
        List<ObjectNode> snapshots, List<ObjectNode> contents, List<ObjectNode> classes) {
      this.csiVolumeSnapshots = snapshots;
      this.csiVolumeSnapshotContents = contents;
      this.csiVolumeSnapshotClasses = classes;
      return this;
    }

    public Builder volumeInfos(List<BackupVolumeInfo> value) {
      this.volumeInfos = value;
      return this;
    }

    /** Why the backup as a whole failed; {@code null} (the default) when it ran to its end. */
    public Builder failureReason(String value) {
      this.failureReason = value;
      return this;
    }

    public BackupResult build() {
      return new BackupResult(
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
          volumeInfos);
    }
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
