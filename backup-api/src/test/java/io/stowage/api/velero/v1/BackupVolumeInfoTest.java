package io.stowage.api.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupVolumeInfo.CsiSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.Method;
import io.stowage.api.velero.v1.BackupVolumeInfo.NativeSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.PvInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of Velero's {@code BackupVolumeInfo} (internal/volume/volumes_information.go). */
class BackupVolumeInfoTest {
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant DONE = Instant.parse("2026-01-02T03:04:09Z");

  @Test
  void noEntriesAreAnEmptyArray() {
    assertThat(json(List.of())).isEqualTo("[]\n");
  }

  @Test
  void aNativeSnapshotEntryHasItsInfoWithIopsAsStringAndCapitalisedPhase() {
    NativeVolumeSnapshot record =
        new NativeVolumeSnapshot(
            new NativeVolumeSnapshot.Spec(
                "nightly", "uid", "aws", "pv-1", "vol-1", "gp3", "eu-west-1a", 3000L),
            NativeVolumeSnapshot.Status.completed("snap-9"));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("zone", "a");
    labels.put("app", "db");

    String json =
        json(
            List.of(
                BackupVolumeInfo.nativeSnapshot(
                    "data",
                    "shop",
                    "pv-1",
                    NativeSnapshotInfo.of(record),
                    new PvInfo("Delete", labels))));

    assertThat(json)
        .isEqualTo(
            "[{\"pvcName\":\"data\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-1\","
                + "\"backupMethod\":\"NativeSnapshot\",\"snapshotDataMoved\":false,"
                + "\"preserveLocalSnapshot\":false,\"skipped\":false,\"result\":\"succeeded\","
                + "\"nativeSnapshotInfo\":{\"snapshotHandle\":\"snap-9\",\"volumeType\":\"gp3\","
                + "\"volumeAZ\":\"eu-west-1a\",\"iops\":\"3000\",\"Phase\":\"Completed\"},"
                + "\"pvInfo\":{\"reclaimPolicy\":\"Delete\","
                + "\"labels\":{\"app\":\"db\",\"zone\":\"a\"}}}]\n");
  }

  @Test
  void aFailedNativeSnapshotWithoutIopsOrZoneHasEmptyStringsAndZeroIops() {
    NativeVolumeSnapshot record =
        new NativeVolumeSnapshot(
            new NativeVolumeSnapshot.Spec("nightly", "uid", "aws", "pv-1", "vol-1", "", null, null),
            NativeVolumeSnapshot.Status.failed());

    BackupVolumeInfo info =
        BackupVolumeInfo.nativeSnapshot(
            "", "", "pv-1", NativeSnapshotInfo.of(record), new PvInfo("Retain", null));

    assertThat(info.result()).isEqualTo(Result.FAILED);
    assertThat(json(List.of(info)))
        .isEqualTo(
            "[{\"pvName\":\"pv-1\",\"backupMethod\":\"NativeSnapshot\","
                + "\"snapshotDataMoved\":false,\"preserveLocalSnapshot\":false,\"skipped\":false,"
                + "\"result\":\"failed\",\"nativeSnapshotInfo\":{\"snapshotHandle\":\"\","
                + "\"volumeType\":\"\",\"volumeAZ\":\"\",\"iops\":\"0\",\"Phase\":\"Failed\"},"
                + "\"pvInfo\":{\"reclaimPolicy\":\"Retain\",\"labels\":null}}]\n");
  }

  @Test
  void aSkippedEntryHasNoMethodAndItsReasons() {
    String json =
        json(
            List.of(
                BackupVolumeInfo.skipped(
                    "data",
                    "shop",
                    "pv-2",
                    "csiSnapshot: skipped b/c it's not a CSI volume;"
                        + "volumeSnapshot: no applicable volumesnapshotter found;",
                    new PvInfo("Retain", Map.of()))));

    assertThat(json)
        .isEqualTo(
            "[{\"pvcName\":\"data\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-2\","
                + "\"snapshotDataMoved\":false,\"preserveLocalSnapshot\":false,\"skipped\":true,"
                + "\"skippedReason\":\"csiSnapshot: skipped b/c it's not a CSI volume;"
                + "volumeSnapshot: no applicable volumesnapshotter found;\","
                + "\"pvInfo\":{\"reclaimPolicy\":\"Retain\",\"labels\":{}}}]\n");
  }

  @Test
  void aCsiEntryKeepsItsLocalSnapshotAndWritesReadyToUseCapitalised() {
    String json =
        json(
            List.of(
                BackupVolumeInfo.csiSnapshot(
                    "data",
                    "shop",
                    "pv-3",
                    START,
                    DONE,
                    Result.SUCCEEDED,
                    new CsiSnapshotInfo(
                        "handle-1",
                        1073741824L,
                        "disk.csi.example.com",
                        "snapcontent-1",
                        null,
                        true,
                        null),
                    new PvInfo("Delete", null)),
                BackupVolumeInfo.csiSnapshot(
                    "logs",
                    "shop",
                    "pv-4",
                    null,
                    null,
                    null,
                    new CsiSnapshotInfo(
                        "", 0, "disk.csi.example.com", "snapcontent-2", "op-1", null, "group-1"),
                    new PvInfo("Delete", null))));

    assertThat(json)
        .isEqualTo(
            "[{\"pvcName\":\"data\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-3\","
                + "\"backupMethod\":\"CSISnapshot\",\"snapshotDataMoved\":false,"
                + "\"preserveLocalSnapshot\":true,\"skipped\":false,"
                + "\"startTimestamp\":\"2026-01-02T03:04:05Z\","
                + "\"completionTimestamp\":\"2026-01-02T03:04:09Z\",\"result\":\"succeeded\","
                + "\"csiSnapshotInfo\":{\"snapshotHandle\":\"handle-1\",\"size\":1073741824,"
                + "\"driver\":\"disk.csi.example.com\",\"vscName\":\"snapcontent-1\","
                + "\"ReadyToUse\":true},"
                + "\"pvInfo\":{\"reclaimPolicy\":\"Delete\",\"labels\":null}},"
                + "{\"pvcName\":\"logs\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-4\","
                + "\"backupMethod\":\"CSISnapshot\",\"snapshotDataMoved\":false,"
                + "\"preserveLocalSnapshot\":true,\"skipped\":false,"
                + "\"csiSnapshotInfo\":{\"snapshotHandle\":\"\",\"size\":0,"
                + "\"driver\":\"disk.csi.example.com\",\"vscName\":\"snapcontent-2\","
                + "\"operationID\":\"op-1\",\"ReadyToUse\":null,"
                + "\"volumeGroupSnapshotHandle\":\"group-1\"},"
                + "\"pvInfo\":{\"reclaimPolicy\":\"Delete\",\"labels\":null}}]\n");
  }

  @Test
  void readsBackWhatItWrites() {
    List<BackupVolumeInfo> infos =
        List.of(
            BackupVolumeInfo.skipped(
                "data", "shop", "pv-2", "any: item has label x=true;", new PvInfo("", null)),
            BackupVolumeInfo.csiSnapshot(
                "data",
                "shop",
                "pv-3",
                START,
                null,
                null,
                new CsiSnapshotInfo("h", 5, "d", "vsc", null, false, null),
                new PvInfo("Delete", Map.of("a", "b"))));

    List<BackupVolumeInfo> read =
        VeleroJson.readVolumeInfos(new ByteArrayInputStream(VeleroJson.writeVolumeInfos(infos)));

    assertThat(read).isEqualTo(infos);
  }

  @Test
  void readsAVeleroFileWithPodVolumeAndDataMoverEntries() {
    String velero =
        "[{\"pvcName\":\"a\",\"pvcNamespace\":\"ns\",\"pvName\":\"pv-a\","
            + "\"backupMethod\":\"PodVolumeBackup\",\"snapshotDataMoved\":false,"
            + "\"preserveLocalSnapshot\":false,\"skipped\":false,\"result\":\"succeeded\","
            + "\"pvbInfo\":{\"snapshotHandle\":\"s\",\"uploaderType\":\"kopia\","
            + "\"volumeName\":\"v\",\"podName\":\"p\",\"podNamespace\":\"ns\",\"Phase\":\"Completed\"}},"
            + "{\"pvName\":\"pv-b\",\"backupMethod\":\"CSISnapshot\",\"snapshotDataMoved\":true,"
            + "\"preserveLocalSnapshot\":false,\"skipped\":false,"
            + "\"csiSnapshotInfo\":{\"snapshotHandle\":\"unknown\",\"size\":0,\"driver\":\"d\","
            + "\"vscName\":\"unknown\",\"operationID\":\"unknown\",\"ReadyToUse\":null},"
            + "\"snapshotDataMovementInfo\":{\"dataMover\":\"velero\",\"uploaderType\":\"kopia\","
            + "\"snapshotHandle\":\"\",\"operationID\":\"du-1\",\"size\":0,\"Phase\":\"New\"}}]\n";

    List<BackupVolumeInfo> read =
        VeleroJson.readVolumeInfos(
            new ByteArrayInputStream(velero.getBytes(StandardCharsets.UTF_8)));

    assertThat(read)
        .extracting(BackupVolumeInfo::backupMethod)
        .containsExactly(Method.POD_VOLUME_BACKUP, Method.CSI_SNAPSHOT);
    assertThat(read.get(1).snapshotDataMoved()).isTrue();
    assertThat(read.get(1).csiSnapshotInfo().readyToUse()).isNull();
  }

  private static String json(List<BackupVolumeInfo> infos) {
    return new String(VeleroJson.writeVolumeInfos(infos), StandardCharsets.UTF_8);
  }
}
