package io.stowage.testkit.snapshot;

import io.stowage.api.BackupItem;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.VolumeSnapshotter;
import java.util.Map;

/** The contract without a driver setting: hostPath volumes are handled, NFS ones are not. */
class RecordingHostPathContractTest extends VolumeSnapshotterContract {
  @Override
  protected VolumeSnapshotter newSnapshotter(Map<String, String> config) {
    return new RecordingVolumeSnapshotterProvider().create(PluginContext.of(config));
  }

  @Override
  protected Map<String, String> config() {
    return Map.of(RecordingVolumeSnapshotter.LEDGER, "recording-host-path-contract-test");
  }

  @Override
  protected BackupItem handledVolume() {
    return persistentVolume("pv-local", "{\"hostPath\":{\"path\":\"/data/shop\"}}");
  }

  @Override
  protected BackupItem foreignVolume() {
    return persistentVolume("pv-nfs", "{\"nfs\":{\"server\":\"nas\",\"path\":\"/exports/x\"}}");
  }
}
