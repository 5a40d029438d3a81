package io.stowage.core.prepare;

import static java.util.Objects.requireNonNull;

import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locations given directly (the command line's {@code --store}), consulted before a fallback
 * catalog such as a cluster's. A name found here hides the fallback's location of that name.
 */
public final class FixedLocationCatalog implements LocationCatalog {
  private final List<BackupStorageLocation> storageLocations;
  private final LocationCatalog fallback;

  /**
   * @param storageLocations the fixed locations
   * @param fallback where other names are looked up, or {@code null} for nowhere
   */
  public FixedLocationCatalog(
      List<BackupStorageLocation> storageLocations, LocationCatalog fallback) {
    this.storageLocations =
        List.copyOf(requireNonNull(storageLocations, "storageLocations is null"));
    this.fallback = fallback;
  }

  @Override
  public Optional<BackupStorageLocation> storageLocation(String name) {
    for (BackupStorageLocation location : storageLocations) {
      if (name.equals(location.getMetadata().getName())) {
        return Optional.of(location);
      }
    }
    return fallback == null ? Optional.empty() : fallback.storageLocation(name);
  }

  @Override
  public List<BackupStorageLocation> storageLocations() {
    List<BackupStorageLocation> all = new ArrayList<>(storageLocations);
    if (fallback != null) {
      for (BackupStorageLocation location : fallback.storageLocations()) {
        String name = location.getMetadata().getName();
        if (storageLocations.stream().noneMatch(l -> name.equals(l.getMetadata().getName()))) {
          all.add(location);
        }
      }
    }
    return all;
  }

  @Override
  public List<VolumeSnapshotLocation> snapshotLocations() {
    return fallback == null ? List.of() : fallback.snapshotLocations();
  }
}
