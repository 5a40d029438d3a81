package io.stowage.core.snapshot;

import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * The snapshotters of one backup, one per VolumeSnapshotLocation name, created on first use
 * (Velero's {@code VolumeSnapshotterCache.SetNX}). Only successes are kept: a location whose
 * snapshotter could not be created is tried again for the next PersistentVolume, as in Velero.
 * Thread-safe; creation is serialised so a location is never initialised twice.
 */
final class SnapshotterCache {
  private final VolumeSnapshotterFactory factory;
  private final Map<String, VolumeSnapshotter> byLocation = new HashMap<>();

  SnapshotterCache(VolumeSnapshotterFactory factory) {
    this.factory = factory;
  }

  /**
   * The snapshotter of {@code location}, created now if needed.
   *
   * @throws RuntimeException what the factory threw
   */
  synchronized VolumeSnapshotter get(VolumeSnapshotLocation location) {
    String name = location.getMetadata().getName();
    VolumeSnapshotter snapshotter = byLocation.get(name);
    if (snapshotter == null) {
      snapshotter = factory.create(location);
      byLocation.put(name, snapshotter);
    }
    return snapshotter;
  }
}
