package io.stowage.core.prepare;

import io.stowage.api.Request;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.List;

/**
 * The outcome of preparing a Backup: the Backup with Velero's defaults applied (whether or not it
 * is valid, as Velero persists them either way), the validation errors, and the resolved locations.
 *
 * @param backup the prepared Backup
 * @param validationErrors Velero's messages; empty when the backup may run
 * @param storageLocation the resolved location, or {@code null} when it could not be found
 * @param snapshotLocations the resolved snapshot locations, one per provider
 */
public record Preparation(
    Backup backup,
    List<String> validationErrors,
    BackupStorageLocation storageLocation,
    List<VolumeSnapshotLocation> snapshotLocations) {
  public Preparation {
    validationErrors = List.copyOf(validationErrors);
    snapshotLocations = List.copyOf(snapshotLocations);
  }

  public boolean valid() {
    return validationErrors.isEmpty();
  }

  /** The request to run; only for a valid preparation. */
  public Request request() {
    if (!valid()) {
      throw new IllegalStateException("backup failed validation: " + validationErrors);
    }
    return new Request(backup, storageLocation, snapshotLocations);
  }
}
