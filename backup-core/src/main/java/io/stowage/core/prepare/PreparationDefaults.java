package io.stowage.core.prepare;

import io.stowage.api.velero.v1.GoDuration;
import java.util.Map;

/**
 * Server-side defaults applied while preparing a backup, Velero's server flags.
 *
 * @param backupTtl {@code --default-backup-ttl}, 720h
 * @param storageLocation {@code --default-backup-storage-location}, {@code default}
 * @param csiSnapshotTimeout {@code --default-csi-snapshot-timeout}, 10m
 * @param itemOperationTimeout {@code --default-item-operation-timeout}, 4h
 * @param resourceTimeout {@code --resource-timeout}, 10m
 * @param volumesToFsBackup {@code --default-volumes-to-fs-backup}, false
 * @param snapshotMoveData {@code --default-snapshot-move-data}, false
 * @param defaultSnapshotLocations {@code --default-volume-snapshot-locations}, provider to name
 */
public record PreparationDefaults(
    GoDuration backupTtl,
    String storageLocation,
    GoDuration csiSnapshotTimeout,
    GoDuration itemOperationTimeout,
    GoDuration resourceTimeout,
    boolean volumesToFsBackup,
    boolean snapshotMoveData,
    Map<String, String> defaultSnapshotLocations) {

  /** Velero's server defaults. */
  public static final PreparationDefaults VELERO =
      new PreparationDefaults(
          GoDuration.ofHours(720),
          "default",
          GoDuration.ofMinutes(10),
          GoDuration.ofHours(4),
          GoDuration.ofMinutes(10),
          false,
          false,
          Map.of());

  public PreparationDefaults {
    defaultSnapshotLocations = Map.copyOf(defaultSnapshotLocations);
  }
}
