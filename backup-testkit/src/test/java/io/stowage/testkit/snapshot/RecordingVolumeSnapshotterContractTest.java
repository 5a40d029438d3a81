package io.stowage.testkit.snapshot;

import io.stowage.api.BackupItem;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.VolumeSnapshotter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

class RecordingVolumeSnapshotterContractTest extends VolumeSnapshotterContract {
  private static final String LEDGER = "recording-contract-test";

  @BeforeEach
  void clearLedger() {
    SnapshotLedger.named(LEDGER).clear();
  }

  @Override
  protected VolumeSnapshotter newSnapshotter(Map<String, String> config) {
    return new RecordingVolumeSnapshotterProvider().create(PluginContext.of(config));
  }

  @Override
  protected Map<String, String> config() {
    return Map.of(
        RecordingVolumeSnapshotter.LEDGER, LEDGER,
        RecordingVolumeSnapshotter.DRIVER, "disk.example.com",
        RecordingVolumeSnapshotter.IOPS, "3000");
  }

  @Override
  protected BackupItem handledVolume() {
    return persistentVolume(
        "pv-disk", "{\"csi\":{\"driver\":\"disk.example.com\",\"volumeHandle\":\"vol-1\"}}");
  }

  @Override
  protected BackupItem foreignVolume() {
    return persistentVolume(
        "pv-other", "{\"csi\":{\"driver\":\"other.example.com\",\"volumeHandle\":\"vol-2\"}}");
  }

  @Override
  protected String availabilityZone() {
    return "zone-a";
  }

  @Override
  protected boolean refusesUnknownConfigKeys() {
    return true;
  }

  @Override
  protected Optional<SnapshotInspector> inspector() {
    return Optional.of(id -> SnapshotLedger.named(LEDGER).snapshot(id).map(TakenSnapshot::tags));
  }
}
