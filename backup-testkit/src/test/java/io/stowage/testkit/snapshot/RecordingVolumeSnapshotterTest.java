package io.stowage.testkit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.ItemIdentity;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotterProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RecordingVolumeSnapshotterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LEDGER = "recording-snapshotter-test";

  private final RecordingVolumeSnapshotter snapshotter = new RecordingVolumeSnapshotter();

  @BeforeEach
  void clearLedger() {
    SnapshotLedger.named(LEDGER).clear();
  }

  @Test
  void isFoundThroughServiceLoaderByItsName() {
    assertThat(ServiceLoader.load(VolumeSnapshotterProvider.class).stream())
        .map(ServiceLoader.Provider::get)
        .anyMatch(p -> p.name().equals(RecordingVolumeSnapshotterProvider.NAME));
  }

  @Test
  void recognisesCsiHandlesAndHostPaths() {
    snapshotter.init(Map.of("ledger", LEDGER));

    assertThat(snapshotter.volumeId(csiPv("disk.example.com", "vol-1"))).contains("vol-1");
    assertThat(snapshotter.volumeId(hostPathPv("/data/a"))).contains("/data/a");
    assertThat(snapshotter.volumeId(pv("{\"nfs\":{\"server\":\"nas\",\"path\":\"/x\"}}")))
        .isEmpty();
  }

  @Test
  void aDriverRestrictsRecognitionToItsCsiVolumes() {
    snapshotter.init(Map.of("ledger", LEDGER, "driver", "disk.example.com"));

    assertThat(snapshotter.volumeId(csiPv("disk.example.com", "vol-1"))).contains("vol-1");
    assertThat(snapshotter.volumeId(csiPv("other.example.com", "vol-2"))).isEmpty();
    assertThat(snapshotter.volumeId(hostPathPv("/data/a"))).isEmpty();
  }

  @Test
  void snapshotsGoToTheLedgerAndDeletingTwiceIsFine() {
    snapshotter.init(Map.of("ledger", LEDGER, "volumeType", "ssd", "iops", "500"));

    assertThat(snapshotter.volumeInfo("vol-1", "zone-a")).isEqualTo(new VolumeInfo("ssd", 500L));
    String id = snapshotter.createSnapshot("vol-1", "zone-a", Map.of("velero.io/pv", "pv-1"));

    SnapshotLedger ledger = SnapshotLedger.named(LEDGER);
    assertThat(ledger.snapshots())
        .containsExactly(
            new TakenSnapshot(id, "vol-1", "zone-a", Map.of("velero.io/pv", "pv-1"), "ssd", 500L));
    snapshotter.deleteSnapshot(id);
    snapshotter.deleteSnapshot(id);
    assertThat(ledger.snapshots()).isEmpty();
  }

  @Test
  void failsForVolumesTheConfigOrTheLedgerNames() {
    snapshotter.init(Map.of("ledger", LEDGER, "failVolumes", "vol-1, vol-2"));
    SnapshotLedger.named(LEDGER).failSnapshotsOf("vol-3");

    for (String volume : List.of("vol-1", "vol-2", "vol-3")) {
      assertThatThrownBy(() -> snapshotter.createSnapshot(volume, "", Map.of()))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining(volume);
    }
    assertThat(snapshotter.createSnapshot("vol-4", "", Map.of())).isNotEmpty();
  }

  @Test
  void withVolumeIdPointsACopyAtAnotherVolume() {
    snapshotter.init(Map.of());
    BackupItem original = csiPv("disk.example.com", "vol-1");

    BackupItem restored = snapshotter.withVolumeId(original, "vol-9");

    assertThat(snapshotter.volumeId(restored)).contains("vol-9");
    assertThat(snapshotter.volumeId(original)).contains("vol-1");
  }

  @Test
  void initRefusesUnknownKeysAndBadIops() {
    assertThatThrownBy(() -> snapshotter.init(Map.of("regoin", "x")))
        .hasMessageContaining("config has invalid keys [regoin]");
    assertThatThrownBy(() -> snapshotter.init(Map.of("iops", "fast")))
        .hasMessageContaining("iops must be a whole number");
    assertThatThrownBy(() -> snapshotter.volumeId(hostPathPv("/data/a")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static BackupItem csiPv(String driver, String handle) {
    return pv("{\"csi\":{\"driver\":\"" + driver + "\",\"volumeHandle\":\"" + handle + "\"}}");
  }

  private static BackupItem hostPathPv(String path) {
    return pv("{\"hostPath\":{\"path\":\"" + path + "\"}}");
  }

  private static BackupItem pv(String spec) {
    ObjectNode body =
        (ObjectNode)
            JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\","
                    + "\"metadata\":{\"name\":\"pv-1\"},\"spec\":"
                    + spec
                    + "}");
    return new BackupItem(new ItemIdentity("", "v1", "persistentvolumes", "", "pv-1"), body);
  }
}
