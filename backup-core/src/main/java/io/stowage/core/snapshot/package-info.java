/**
 * Native PersistentVolume snapshots through {@link io.stowage.api.spi.VolumeSnapshotter} plugins
 * (velero-facts §6.9).
 *
 * <p>Per backup, {@link io.stowage.core.snapshot.NativeSnapshots} holds the resolved
 * VolumeSnapshotLocations and creates each location's snapshotter lazily through a {@link
 * io.stowage.core.snapshot.VolumeSnapshotterFactory} ({@link
 * io.stowage.core.snapshot.RegistrySnapshotterFactory} in the standard wiring), at most once per
 * location. The item backupper calls {@link io.stowage.core.snapshot.NativeSnapshots#takeSnapshot}
 * for each PersistentVolume after its actions and before writing it; the records end up in {@code
 * BackupResult.volumeSnapshots()} and {@code <backup>-volumesnapshots.json.gz}. {@link
 * io.stowage.core.snapshot.AvailabilityZone} and {@link io.stowage.core.snapshot.SnapshotTags} are
 * Velero's zone and tag rules as pure functions.
 */
package io.stowage.core.snapshot;
