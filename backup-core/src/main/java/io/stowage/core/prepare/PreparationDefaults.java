package io.stowage.core.prepare;

import static java.util.Objects.requireNonNull;

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
 * @param fsBackupTimeout {@code --fs-backup-timeout}, 240m: how long pod volume backups may take; a
 *     Backup's {@code velero.io/pod-volume-timeout} annotation overrides it. Read by the backupper,
 *     not by preparation ({@code BackupperOptions#fsBackupTimeout})
 */
public record PreparationDefaults(
    GoDuration backupTtl,
    String storageLocation,
    GoDuration csiSnapshotTimeout,
    GoDuration itemOperationTimeout,
    GoDuration resourceTimeout,
    boolean volumesToFsBackup,
    boolean snapshotMoveData,
    Map<String, String> defaultSnapshotLocations,
    GoDuration fsBackupTimeout) {

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
          Map.of(),
          GoDuration.ofMinutes(240));

  public PreparationDefaults {
    defaultSnapshotLocations = Map.copyOf(defaultSnapshotLocations);
    requireNonNull(fsBackupTimeout, "fsBackupTimeout is null");
  }
}
