package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupItem;
import io.stowage.api.BackupLog;
import io.stowage.api.GroupResource;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import io.stowage.testkit.snapshot.RecordingVolumeSnapshotter;
import io.stowage.testkit.snapshot.SnapshotLedger;
import io.stowage.testkit.snapshot.TakenSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NativeSnapshotsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LEDGER = "native-snapshots-test";

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final BackupLog log =
      (BackupLog.Level level, ResourceIdentifier item, String message, Throwable error) ->
          lines.add(
              level
                  + " "
                  + (item == null ? "-" : item.name())
                  + " "
                  + message
                  + (error == null ? "" : " | " + error.getMessage()));
  private final AtomicInteger created = new AtomicInteger();
  private final VolumeSnapshotterFactory recording =
      location -> {
        created.incrementAndGet();
        VolumeSnapshotter snapshotter = new RecordingVolumeSnapshotter();
        snapshotter.init(location.getSpec().getConfig());
        return snapshotter;
      };
  private final Backup backup = new Backup();
  private SnapshotLedger ledger;

  @BeforeEach
  void setUp() {
    ledger = SnapshotLedger.named(LEDGER);
    ledger.clear();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setUid("uid-1");
    backup.getMetadata().setLabels(Map.of("team", "shop"));
  }

  @Test
  void firstLocationWhoseSnapshotterKnowsTheVolumeTakesTheSnapshot() {
    VolumeSnapshotLocation csiOnly =
        location("csi-only", Map.of("ledger", LEDGER, "driver", "disk.example.com"));
    VolumeSnapshotLocation any =
        location("any", Map.of("ledger", LEDGER, "volumeType", "ssd", "iops", "3000"));
    NativeSnapshots snapshots = snapshots(List.of(csiOnly, any), false);

    boolean ok = snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", "zone-a"));

    assertThat(ok).isTrue();
    assertThat(snapshots.records())
        .containsExactly(
            new NativeVolumeSnapshot(
                new NativeVolumeSnapshot.Spec(
                    "nightly", "uid-1", "any", "pv-1", "/data/one", "ssd", "zone-a", 3000L),
                NativeVolumeSnapshot.Status.completed(LEDGER + "-snap-1")));
    assertThat(ledger.snapshots())
        .containsExactly(
            new TakenSnapshot(
                LEDGER + "-snap-1",
                "/data/one",
                "zone-a",
                Map.of("team", "shop", "velero.io/backup", "nightly", "velero.io/pv", "pv-1"),
                "ssd",
                3000L));
    assertThat(lines)
        .contains(
            "WARN pv-1 No volume ID returned by volume snapshotter for persistent volume (volume"
                + " snapshot location csi-only)",
            "INFO pv-1 Got volume ID for persistent volume (volume snapshot location any)")
        .noneMatch(line -> line.startsWith("ERROR"));
  }

  @Test
  void eachLocationIsCreatedOnceAndOnlyWhenFirstNeeded() {
    NativeSnapshots snapshots =
        snapshots(List.of(location("any", Map.of("ledger", LEDGER))), false);
    assertThat(created).hasValue(0);

    snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", "zone-a"));
    snapshots.takeSnapshot(id("pv-2"), hostPathPv("pv-2", "/data/two", "zone-a"));

    assertThat(created).hasValue(1);
    assertThat(snapshots.records()).hasSize(2).allMatch(NativeVolumeSnapshot::completed);
  }

  @Test
  void aFailedSnapshotIsRecordedAndFailsThePersistentVolume() {
    ledger.failSnapshotsOf("/data/one");
    NativeSnapshots snapshots =
        snapshots(List.of(location("any", Map.of("ledger", LEDGER))), false);

    boolean ok = snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", ""));

    assertThat(ok).isFalse();
    assertThat(snapshots.records()).hasSize(1);
    NativeVolumeSnapshot record = snapshots.records().get(0);
    assertThat(record.status()).isEqualTo(NativeVolumeSnapshot.Status.failed());
    assertThat(record.spec().volumeAZ()).isEmpty();
    assertThat(lines)
        .filteredOn(line -> line.startsWith("ERROR"))
        .containsExactly(
            "ERROR pv-1 error taking snapshot of volume (persistent volume pv-1, volume snapshot"
                + " location any, provider stowage.io/testkit, volume ID /data/one) | snapshot of"
                + " volume /data/one failed (ledger "
                + LEDGER
                + ")");
  }

  @Test
  void snapshotVolumesFalseSkipsWithoutCreatingSnapshotters() {
    backup.getSpec().setSnapshotVolumes(false);
    NativeSnapshots snapshots =
        snapshots(List.of(location("any", Map.of("ledger", LEDGER))), false);

    assertThat(snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", ""))).isTrue();

    assertThat(snapshots.records()).isEmpty();
    assertThat(created).hasValue(0);
    assertThat(lines)
        .contains(
            "INFO pv-1 skipping snapshot action for pv pv-1 possibly due to no volume policy"
                + " setting or snapshotVolumes is false");
  }

  @Test
  void csiVolumesAreLeftToTheCsiPluginWhenItRuns() {
    VolumeSnapshotLocation any = location("any", Map.of("ledger", LEDGER));
    BackupItem csiPv = csiPv("pv-csi", "disk.example.com", "vol-123");

    NativeSnapshots withCsi = snapshots(List.of(any), true);
    assertThat(withCsi.takeSnapshot(id("pv-csi"), csiPv)).isTrue();
    assertThat(withCsi.records()).isEmpty();
    assertThat(lines)
        .contains(
            "INFO pv-csi Skipping snapshot of persistent volume pv-csi, because it's handled by"
                + " CSI plugin.");

    NativeSnapshots withoutCsi = snapshots(List.of(any), false);
    assertThat(withoutCsi.takeSnapshot(id("pv-csi"), csiPv)).isTrue();
    assertThat(withoutCsi.records())
        .singleElement()
        .satisfies(r -> assertThat(r.spec().providerVolumeID()).isEqualTo("vol-123"));
  }

  @Test
  void aVolumeNoSnapshotterKnowsIsSkipped() {
    NativeSnapshots snapshots =
        snapshots(
            List.of(location("csi-only", Map.of("ledger", LEDGER, "driver", "disk.example.com"))),
            false);

    assertThat(snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", ""))).isTrue();

    assertThat(snapshots.records()).isEmpty();
    assertThat(lines)
        .contains(
            "INFO pv-1 Persistent volume is not a supported volume type for Velero-native"
                + " volumeSnapshotter snapshot, skipping.");
  }

  @Test
  void aLocationWhoseSnapshotterCannotBeCreatedIsAnErrorAndTheNextOneIsTried() {
    VolumeSnapshotterFactory factory =
        location -> {
          if (location.getMetadata().getName().equals("broken")) {
            throw new IllegalStateException("no plugin for provider example.com/broken");
          }
          return recording.create(location);
        };
    NativeSnapshots snapshots =
        new NativeSnapshots(
            backup,
            List.of(
                location("broken", "example.com/broken", Map.of()),
                location("any", Map.of("ledger", LEDGER))),
            factory,
            false,
            log);

    assertThat(snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", ""))).isTrue();

    assertThat(snapshots.records()).singleElement().matches(NativeVolumeSnapshot::completed);
    assertThat(lines)
        .filteredOn(line -> line.startsWith("ERROR"))
        .containsExactly(
            "ERROR pv-1 Error getting volume snapshotter for volume snapshot location broken"
                + " (provider example.com/broken) | no plugin for provider example.com/broken");
  }

  @Test
  void aFailingVolumeInfoFailsThePersistentVolumeWithoutARecord() {
    VolumeSnapshotter noInfo =
        new VolumeSnapshotter() {
          @Override
          public void init(Map<String, String> config) {}

          @Override
          public Optional<String> volumeId(BackupItem persistentVolume) {
            return Optional.of("vol-1");
          }

          @Override
          public BackupItem withVolumeId(BackupItem persistentVolume, String volumeId) {
            return persistentVolume;
          }

          @Override
          public VolumeInfo volumeInfo(String volumeId, String availabilityZone) {
            throw new IllegalStateException("describe-volumes denied");
          }

          @Override
          public String createSnapshot(
              String volumeId, String availabilityZone, Map<String, String> tags) {
            throw new AssertionError("must not be called");
          }

          @Override
          public void deleteSnapshot(String snapshotId) {}
        };
    NativeSnapshots snapshots =
        new NativeSnapshots(
            backup,
            List.of(location("cloud", "example.com/cloud", Map.of())),
            l -> noInfo,
            false,
            log);

    assertThat(snapshots.takeSnapshot(id("pv-1"), hostPathPv("pv-1", "/data/one", ""))).isFalse();

    assertThat(snapshots.records()).isEmpty();
    assertThat(lines)
        .filteredOn(line -> line.startsWith("ERROR"))
        .singleElement()
        .asString()
        .startsWith("ERROR pv-1 error getting volume info (persistent volume pv-1")
        .endsWith("| describe-volumes denied");
  }

  @Test
  void itsDecisionsReachTheVolumeTrackerWithVelerosReasons() {
    BackedUpVolumes volumes = new BackedUpVolumes();
    VolumeSnapshotLocation csiOnly =
        location("csi-only", Map.of("ledger", LEDGER, "driver", "disk.example.com"));
    NativeSnapshots snapshots =
        new NativeSnapshots(backup, List.of(csiOnly), recording, true, log, volumes);
    // The PVC path may have skipped a volume before its PV comes; a snapshot then includes it.
    volumes.skip("pv-csi-other", BackedUpVolumes.Approach.CSI_SNAPSHOT, "earlier reason");

    snapshots.takeSnapshot(id("pv-host"), hostPathPv("pv-host", "/data/one", ""));
    snapshots.takeSnapshot(id("pv-csi"), csiPv("pv-csi", "disk.example.com", "vol-1"));
    NativeSnapshots withoutCsi =
        new NativeSnapshots(backup, List.of(csiOnly), recording, false, log, volumes);
    withoutCsi.takeSnapshot(id("pv-csi-other"), csiPv("pv-csi-other", "disk.example.com", "vol-2"));

    assertThat(snapshots.volumes()).isSameAs(volumes);
    assertThat(volumes.skippedReasons())
        .containsExactly(
            Map.entry("pv-host", "volumeSnapshot: no applicable volumesnapshotter found;"));
    assertThat(withoutCsi.records()).singleElement().matches(NativeVolumeSnapshot::completed);

    backup.getSpec().setSnapshotVolumes(false);
    snapshots.takeSnapshot(id("pv-off"), hostPathPv("pv-off", "/data/two", ""));
    assertThat(volumes.skippedReasons())
        .containsEntry(
            "pv-off",
            "volumeSnapshot: not satisfy the criteria for VolumePolicy or the legacy snapshot"
                + " way;");
  }

  private NativeSnapshots snapshots(List<VolumeSnapshotLocation> locations, boolean csiEnabled) {
    return new NativeSnapshots(backup, locations, recording, csiEnabled, log);
  }

  private static VolumeSnapshotLocation location(String name, Map<String, String> config) {
    return location(name, "stowage.io/testkit", config);
  }

  private static VolumeSnapshotLocation location(
      String name, String provider, Map<String, String> config) {
    VolumeSnapshotLocation location = new VolumeSnapshotLocation();
    location.getMetadata().setName(name);
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider(provider);
    location.getSpec().setConfig(config);
    return location;
  }

  private static ResourceIdentifier id(String name) {
    return ResourceIdentifier.clusterScoped(GroupResource.core("persistentvolumes"), name);
  }

  private static BackupItem hostPathPv(String name, String path, String zone) {
    String labels = zone.isEmpty() ? "{}" : "{\"topology.kubernetes.io/zone\":\"" + zone + "\"}";
    return item(
        name,
        "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":\""
            + name
            + "\",\"labels\":"
            + labels
            + "},\"spec\":{\"hostPath\":{\"path\":\""
            + path
            + "\"}}}");
  }

  private static BackupItem csiPv(String name, String driver, String handle) {
    return item(
        name,
        "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"spec\":{\"csi\":{\"driver\":\""
            + driver
            + "\",\"volumeHandle\":\""
            + handle
            + "\"}}}");
  }

  private static BackupItem item(String name, String json) {
    return new BackupItem(
        new ItemIdentity("", "v1", "persistentvolumes", "", name),
        (ObjectNode) JSON.readTree(json));
  }
}
