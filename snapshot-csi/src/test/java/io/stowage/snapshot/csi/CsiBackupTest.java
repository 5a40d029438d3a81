package io.stowage.snapshot.csi;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.snapshot.csi.CsiBackupFixture.Stored;
import io.stowage.testkit.csi.TestSnapshotController;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Backups of a pod with a CSI volume, over HTTP, with the test snapshot controller running. */
class CsiBackupTest {
  private static final String PVC = "resources/persistentvolumeclaims/namespaces/app/data.json";
  private static final String PV = "resources/persistentvolumes/cluster/pv-data.json";
  private static final String POD = "resources/pods/namespaces/app/web.json";
  private static final String VS_DIR =
      "resources/volumesnapshots.snapshot.storage.k8s.io/namespaces/app/";
  private static final String VSC_DIR =
      "resources/volumesnapshotcontents.snapshot.storage.k8s.io/cluster/";
  private static final String CLASS =
      "resources/volumesnapshotclasses.snapshot.storage.k8s.io/cluster/"
          + CsiCluster.SNAPSHOT_CLASS
          + ".json";

  private static CsiBackupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new CsiBackupFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.reset();
  }

  @Test
  void snapshotsACsiVolumeAndStoresTheSnapshotObjectsWithVeleroAnnotations() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.snapshotClass(CsiCluster.SNAPSHOT_CLASS, CsiCluster.DRIVER));
    Stored stored;
    try (TestSnapshotController controller = TestSnapshotController.start(fixture.k8s())) {
      stored = fixture.backup(b -> {});
    }

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(stored.backup().getStatus().getErrors()).isZero();
    assertThat(stored.backup().getStatus().getCsiVolumeSnapshotsAttempted()).isEqualTo(1);
    assertThat(stored.backup().getStatus().getCsiVolumeSnapshotsCompleted()).isEqualTo(1);

    Map<String, JsonNode> items = stored.items();
    String vsPath = single(items, VS_DIR);
    String vscPath = single(items, VSC_DIR);
    assertThat(items).containsKeys(POD, PVC, PV, CLASS);
    String vsName = items.get(vsPath).path("metadata").path("name").asString();
    assertThat(vsName).startsWith("velero-data-");

    JsonNode pvc = items.get(PVC);
    assertThat(
            pvc.path("metadata").path("labels").path("velero.io/volume-snapshot-name").asString())
        .isEqualTo(vsName);
    assertThat(pvc.path("metadata").path("labels").path("velero.io/backup-name").asString())
        .isEqualTo("nightly");
    assertThat(
            pvc.path("metadata")
                .path("annotations")
                .path("velero.io/volume-snapshot-name")
                .asString())
        .isEqualTo(vsName);
    assertThat(pvc.path("metadata").path("annotations").has(CsiNames.MUST_INCLUDE_ANNOTATION))
        .isFalse();
    // the PV holds 2Gi, more than the 1Gi requested: restore needs the snapshot's size
    assertThat(pvc.path("spec").path("resources").path("requests").path("storage").asString())
        .isEqualTo("2Gi");

    JsonNode vs = items.get(vsPath);
    JsonNode vsc = items.get(vscPath);
    String contentName = vsc.path("metadata").path("name").asString();
    String uid = vs.path("metadata").path("uid").asString();
    assertThat(contentName).isEqualTo("snapcontent-" + uid);
    assertThat(vs.path("status").path("boundVolumeSnapshotContentName").asString())
        .isEqualTo(contentName);
    assertThat(vs.path("metadata").path("labels").path("velero.io/backup-name").asString())
        .isEqualTo("nightly");
    assertThat(vs.path("spec").path("source").path("persistentVolumeClaimName").asString())
        .isEqualTo("data");
    assertThat(vs.path("spec").path("volumeSnapshotClassName").asString())
        .isEqualTo(CsiCluster.SNAPSHOT_CLASS);
    JsonNode annotations = vs.path("metadata").path("annotations");
    assertThat(annotations.path("velero.io/csi-volumesnapshot-handle").asString())
        .isEqualTo("snapshot-" + uid);
    assertThat(annotations.path("velero.io/csi-driver-name").asString())
        .isEqualTo(CsiCluster.DRIVER);
    assertThat(annotations.path("velero.io/csi-vsc-deletion-policy").asString())
        .isEqualTo("Delete");
    assertThat(annotations.path("velero.io/csi-volumesnapshot-restore-size").asString())
        .isEqualTo("2Gi");
    assertThat(annotations.has(CsiNames.MUST_INCLUDE_ANNOTATION)).isFalse();
    assertThat(vsc.path("metadata").path("labels").path("velero.io/backup-name").asString())
        .isEqualTo("nightly");
    assertThat(vsc.path("spec").path("source").path("volumeHandle").asString())
        .isEqualTo("vol-data");

    // the live VolumeSnapshot carries the annotations too, and stays (see the README)
    assertThat(fixture.volumeSnapshots())
        .singleElement()
        .satisfies(
            live ->
                assertThat(live.getMetadata().getAnnotations())
                    .containsEntry("velero.io/csi-volumesnapshot-handle", "snapshot-" + uid));

    assertThat(stored.sideFile(BackupFile.CSI_VOLUME_SNAPSHOTS))
        .singleElement()
        .satisfies(s -> assertThat(s.path("metadata").path("name").asString()).isEqualTo(vsName));
    assertThat(stored.sideFile(BackupFile.CSI_VOLUME_SNAPSHOT_CONTENTS))
        .singleElement()
        .satisfies(
            c -> assertThat(c.path("metadata").path("name").asString()).isEqualTo(contentName));
    assertThat(stored.sideFile(BackupFile.CSI_VOLUME_SNAPSHOT_CLASSES))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.path("metadata").path("name").asString())
                    .isEqualTo(CsiCluster.SNAPSHOT_CLASS));
    JsonNode metadata =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(stored.file(BackupFile.METADATA));
    assertThat(metadata.path("status").path("csiVolumeSnapshotsAttempted").asInt()).isEqualTo(1);
    assertThat(metadata.path("status").path("csiVolumeSnapshotsCompleted").asInt()).isEqualTo(1);

    // One CSISnapshot entry for the PV, as Velero's restore and describe read it.
    BackupVolumeInfo info = single(volumeInfos(stored));
    assertThat(info.pvcName()).isEqualTo("data");
    assertThat(info.pvcNamespace()).isEqualTo("app");
    assertThat(info.pvName()).isEqualTo("pv-data");
    assertThat(info.backupMethod()).isEqualTo(BackupVolumeInfo.Method.CSI_SNAPSHOT);
    assertThat(info.preserveLocalSnapshot()).isTrue();
    assertThat(info.skipped()).isFalse();
    assertThat(info.snapshotDataMoved()).isFalse();
    assertThat(info.result()).isEqualTo(BackupVolumeInfo.Result.SUCCEEDED);
    assertThat(info.startTimestamp())
        .isEqualTo(Instant.parse(vs.path("status").path("creationTime").asString()));
    assertThat(info.completionTimestamp()).isNotNull();
    assertThat(info.csiSnapshotInfo())
        .isEqualTo(
            new BackupVolumeInfo.CsiSnapshotInfo(
                "snapshot-" + uid, 2L << 30, CsiCluster.DRIVER, contentName, null, true, null));
    assertThat(info.pvInfo()).isEqualTo(new BackupVolumeInfo.PvInfo("", null));
    assertThat(stored.gunzipped(BackupFile.VOLUME_INFO))
        .contains(
            "\"csiSnapshotInfo\":{\"snapshotHandle\":\"snapshot-"
                + uid
                + "\",\"size\":2147483648,\"driver\":\""
                + CsiCluster.DRIVER
                + "\",\"vscName\":\""
                + contentName
                + "\",\"ReadyToUse\":true}");
  }

  @Test
  void noSnapshotClassForTheDriverFailsThePvcWithAHowToFix() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.snapshotClass("other", "ebs.csi.aws.com"));
    Stored stored;
    try (TestSnapshotController controller = TestSnapshotController.start(fixture.k8s())) {
      stored = fixture.backup(b -> {});
    }

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(stored.backup().getStatus().getErrors()).isEqualTo(1);
    String results = stored.gunzipped(BackupFile.RESULTS);
    assertThat(results)
        .contains("Cannot snapshot PVC app/data")
        .contains(
            "failed to get VolumeSnapshotClass for provisioner " + CsiCluster.DRIVER + ": ensure")
        .contains("label the VolumeSnapshotClass to use for driver " + CsiCluster.DRIVER);
    assertThat(stored.sideFile(BackupFile.RESULTS).path("errors").path("namespaces").has("app"))
        .isTrue();
    assertThat(stored.log()).contains("Cannot snapshot PVC app/data");
    // the PVC failed, and with it the pod that asked for it (Velero: an additional item's error
    // fails its parent); the PVC is not tried again when PVCs are listed
    assertThat(stored.items()).doesNotContainKeys(POD, PVC);
    assertThat(fixture.volumeSnapshots()).isEmpty();
    assertThat(stored.backup().getStatus().getCsiVolumeSnapshotsAttempted()).isZero();
    assertThat(stored.gunzipped(BackupFile.CSI_VOLUME_SNAPSHOTS)).isEqualTo("null\n");
  }

  @Test
  void aSnapshotNeverBoundTimesOutDeletesTheSnapshotAndFailsThePvc() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.snapshotClass(CsiCluster.SNAPSHOT_CLASS, CsiCluster.DRIVER));
    Stored stored;
    long started = System.nanoTime();
    try (TestSnapshotController controller =
        TestSnapshotController.on(fixture.k8s()).leaveUnbound(s -> true).start()) {
      stored = fixture.backup(b -> b.getSpec().setCsiSnapshotTimeout(GoDuration.ofSeconds(2)));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
        .isLessThan(Duration.ofSeconds(8));
    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    String results = stored.gunzipped(BackupFile.RESULTS);
    assertThat(results)
        .contains("Timed out after 2s")
        .contains("waiting for VolumeSnapshot app/velero-data-")
        .contains("of PVC app/data")
        .contains("has no status.boundVolumeSnapshotContentName yet")
        .contains("the VolumeSnapshot was deleted");
    assertThat(fixture.volumeSnapshots()).isEmpty();
    assertThat(stored.items()).doesNotContainKeys(POD, PVC);
  }

  @Test
  void snapshotVolumesFalseTakesNoSnapshot() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.snapshotClass(CsiCluster.SNAPSHOT_CLASS, CsiCluster.DRIVER));
    Stored stored = fixture.backup(b -> b.getSpec().setSnapshotVolumes(false));

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(fixture.volumeSnapshots()).isEmpty();
    JsonNode pvc = stored.items().get(PVC);
    assertThat(pvc.path("metadata").path("labels").has("velero.io/volume-snapshot-name")).isFalse();
    assertThat(pvc.path("spec").path("resources").path("requests").path("storage").asString())
        .isEqualTo("1Gi");
    // Velero's reason, recorded on the PVC path and again on the PV's.
    assertThat(volumeInfos(stored))
        .containsExactly(
            BackupVolumeInfo.skipped(
                "data",
                "app",
                "pv-data",
                "volumeSnapshot: not satisfy the criteria for VolumePolicy or the legacy snapshot"
                    + " way;",
                new BackupVolumeInfo.PvInfo("", null)));
  }

  @Test
  void aVolumeThatIsNotCsiIsSkippedAndTheMarkerIsNotStored() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", false));
    Stored stored = fixture.backup(b -> {});

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(stored.log())
        .contains("Skipping PVC app/data, associated PV pv-data is not a CSI volume");
    assertThat(
            stored
                .items()
                .get(PVC)
                .path("metadata")
                .path("annotations")
                .has(CsiNames.SKIPPED_NO_CSI_PV_ANNOTATION))
        .isFalse();
    assertThat(stored.items()).containsKey(PV);
    assertThat(fixture.volumeSnapshots()).isEmpty();
    // Not CSI, and no VolumeSnapshotLocation to take a native snapshot: both reasons.
    assertThat(volumeInfos(stored))
        .containsExactly(
            BackupVolumeInfo.skipped(
                "data",
                "app",
                "pv-data",
                "csiSnapshot: skipped b/c it's not a CSI volume;"
                    + "volumeSnapshot: no applicable volumesnapshotter found;",
                new BackupVolumeInfo.PvInfo("", null)));
  }

  @Test
  void aVolumeGroupSnapshotLabelGetsAnErrorAndThePvcIsStoredWithoutSnapshot() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.claim("data", Map.of("velero.io/volume-group", "db")));
    fixture.k8s().seed(CsiCluster.snapshotClass(CsiCluster.SNAPSHOT_CLASS, CsiCluster.DRIVER));
    Stored stored = fixture.backup(b -> {});

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(stored.gunzipped(BackupFile.RESULTS))
        .contains("Cannot snapshot PVC app/data")
        .contains("Stowage does not support VolumeGroupSnapshots yet");
    assertThat(stored.items()).containsKeys(PVC, PV);
    assertThat(fixture.volumeSnapshots()).isEmpty();
    // The PVC action answered without the not-CSI marker, so, as in Velero, the volume counts as
    // the CSI plugin's and is not skipped; it took no snapshot, so there is no entry at all.
    assertThat(volumeInfos(stored)).isEmpty();
  }

  @Test
  void aSnapshotNotReadyAtTheEndIsAttemptedButNotCompleted() {
    fixture.k8s().seed(CsiCluster.podWithVolume("data", true));
    fixture.k8s().seed(CsiCluster.snapshotClass(CsiCluster.SNAPSHOT_CLASS, CsiCluster.DRIVER));
    Stored stored;
    try (TestSnapshotController controller =
        TestSnapshotController.on(fixture.k8s()).notReady(s -> true).start()) {
      stored = fixture.backup(b -> {});
    }

    assertThat(stored.outcome().phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(stored.backup().getStatus().getCsiVolumeSnapshotsAttempted()).isEqualTo(1);
    assertThat(stored.backup().getStatus().getCsiVolumeSnapshotsCompleted()).isZero();
    // Velero would record the outcome at finalize; until the content is ready there is none.
    BackupVolumeInfo info = single(volumeInfos(stored));
    assertThat(info.backupMethod()).isEqualTo(BackupVolumeInfo.Method.CSI_SNAPSHOT);
    assertThat(info.result()).isNull();
    assertThat(info.completionTimestamp()).isNull();
    assertThat(info.csiSnapshotInfo().readyToUse()).isFalse();
  }

  private static List<BackupVolumeInfo> volumeInfos(Stored stored) {
    return VeleroJson.readVolumeInfos(
        new ByteArrayInputStream(
            stored.gunzipped(BackupFile.VOLUME_INFO).getBytes(StandardCharsets.UTF_8)));
  }

  private static BackupVolumeInfo single(List<BackupVolumeInfo> infos) {
    assertThat(infos).hasSize(1);
    return infos.get(0);
  }

  private static String single(Map<String, JsonNode> items, String directory) {
    List<String> paths = items.keySet().stream().filter(p -> p.startsWith(directory)).toList();
    assertThat(paths).as("items under " + directory + " in " + items.keySet()).hasSize(1);
    return paths.get(0);
  }
}
