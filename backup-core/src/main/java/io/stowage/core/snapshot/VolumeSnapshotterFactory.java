package io.stowage.core.snapshot;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;

/**
 * Creates the {@link VolumeSnapshotter} of a VolumeSnapshotLocation: Velero's {@code
 * GetVolumeSnapshotter(spec.provider)} followed by {@code Init(spec.config)}. The backupper calls
 * it at most once per location and backup, lazily, when the first PersistentVolume needs it, and
 * keeps the result for the rest of the backup (see {@link NativeSnapshots}). May be called from
 * several threads.
 */
@FunctionalInterface
public interface VolumeSnapshotterFactory {
  /**
   * For a backupper wired without snapshotter plugins: every location is an error that says so, as
   * a location without its plugin is in Velero.
   */
  VolumeSnapshotterFactory NONE =
      location -> {
        throw new BackupException(
            StandardErrorCode.NOT_FOUND,
            "this backupper was created without volume snapshotter plugins, so volume snapshot"
                + " location "
                + location.getMetadata().getName()
                + " (provider "
                + location.getSpec().getProvider()
                + ") cannot be used; wire the backupper with a VolumeSnapshotterFactory, as"
                + " BackupServices.standard does");
      };

  /**
   * An initialised snapshotter for {@code location}.
   *
   * @throws BackupException with a message naming the location, its provider and what to install or
   *     fix, when no plugin serves the provider or the plugin cannot be created or initialised
   */
  VolumeSnapshotter create(VolumeSnapshotLocation location);
}
