package io.stowage.api;

import static java.util.Objects.requireNonNull;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.List;

/**
 * A prepared backup request: the Backup after preparation (defaults filled in, filters validated,
 * locations resolved) and the locations it writes to. Only a request that passed validation is
 * handed to a {@link Backupper}.
 *
 * <p>The {@link Backup} object is the wire model and mutable; a backupper reads it and must not
 * change it.
 *
 * @param backup the prepared Backup
 * @param storageLocation where the backup is persisted
 * @param snapshotLocations the volume snapshot locations resolved for it, one per provider
 */
public record Request(
    Backup backup,
    BackupStorageLocation storageLocation,
    List<VolumeSnapshotLocation> snapshotLocations) {
  public Request {
    requireNonNull(backup, "backup is null");
    requireNonNull(storageLocation, "storageLocation is null");
    snapshotLocations = snapshotLocations == null ? List.of() : List.copyOf(snapshotLocations);
  }

  /** {@code metadata.name} of the Backup. */
  public String name() {
    return backup.getMetadata().getName();
  }
}
