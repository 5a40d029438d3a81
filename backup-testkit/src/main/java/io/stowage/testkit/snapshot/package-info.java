/**
 * A volume snapshotter for tests, and a template for plugin authors: {@link
 * io.stowage.testkit.snapshot.RecordingVolumeSnapshotter}, registered as provider {@value
 * io.stowage.testkit.snapshot.RecordingVolumeSnapshotterProvider#NAME} through {@code
 * ServiceLoader}. Its snapshots go to an in-memory {@link
 * io.stowage.testkit.snapshot.SnapshotLedger} that tests inspect and use to make snapshots fail.
 *
 * <p>To use it in a backup, create a VolumeSnapshotLocation with {@code spec.provider:
 * stowage.io/testkit} and, for example, {@code spec.config: {ledger: my-test, volumeType: ssd}},
 * put backup-testkit on the class path, and read {@code SnapshotLedger.named("my-test")} after the
 * backup.
 *
 * <p>{@link io.stowage.testkit.snapshot.VolumeSnapshotterContract} is what every snapshotter's test
 * extends: the SPI contract the engine relies on, run against the author's snapshotter.
 */
package io.stowage.testkit.snapshot;
