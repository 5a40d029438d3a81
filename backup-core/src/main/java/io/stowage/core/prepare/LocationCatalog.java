package io.stowage.core.prepare;

import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.List;
import java.util.Optional;

/**
 * Where preparation finds storage and snapshot locations: the Velero namespace of a cluster, a
 * location given on the command line, or both. Lookups that fail for another reason than absence
 * throw {@link io.stowage.api.BackupException}.
 */
public interface LocationCatalog {
  /** The location of that name, or empty when there is none. */
  Optional<BackupStorageLocation> storageLocation(String name);

  /** All storage locations, in list order. */
  List<BackupStorageLocation> storageLocations();

  /** All volume snapshot locations, in list order. */
  List<VolumeSnapshotLocation> snapshotLocations();
}
