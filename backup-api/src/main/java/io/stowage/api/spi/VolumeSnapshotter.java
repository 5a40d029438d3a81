package io.stowage.api.spi;

import io.stowage.api.BackupItem;
import java.util.Map;
import java.util.Optional;

/**
 * Takes native snapshots of persistent volumes, as Velero's VolumeSnapshotter. The engine creates
 * one instance per VolumeSnapshotLocation, calls {@link #init} once, then uses it for every PV of
 * the backup that {@link #volumeId} recognises. Instances may be used from several threads.
 */
public interface VolumeSnapshotter {
  /** Configures the instance from the VolumeSnapshotLocation's {@code spec.config}. */
  void init(Map<String, String> config);

  /**
   * The provider's volume id for a PersistentVolume, or empty when this snapshotter does not handle
   * that volume (the engine then tries the next location).
   */
  Optional<String> volumeId(BackupItem persistentVolume);

  /** Returns the PersistentVolume pointing at another volume id; used on restore. */
  BackupItem withVolumeId(BackupItem persistentVolume, String volumeId);

  /** Type and IOPS of a volume in an availability zone ({@code ""} when unknown). */
  VolumeInfo volumeInfo(String volumeId, String availabilityZone);

  /**
   * Snapshots a volume and returns the provider's snapshot id. {@code tags} holds the Backup's
   * labels plus {@code velero.io/backup} and {@code velero.io/pv}.
   */
  String createSnapshot(String volumeId, String availabilityZone, Map<String, String> tags);

  /** Deletes a snapshot; deleting one that does not exist is not an error. */
  void deleteSnapshot(String snapshotId);
}
