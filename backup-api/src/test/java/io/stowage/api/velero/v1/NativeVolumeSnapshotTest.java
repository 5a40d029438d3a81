package io.stowage.api.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeVolumeSnapshotTest {
  private static final NativeVolumeSnapshot.Spec SPEC =
      new NativeVolumeSnapshot.Spec(
          "nightly", "uid-1", "aws-default", "pv-1", "vol-123", "gp3", "eu-west-1a", 3000L);

  @Test
  void writesVelerosRecordShape() {
    List<NativeVolumeSnapshot> snapshots =
        List.of(
            new NativeVolumeSnapshot(SPEC, NativeVolumeSnapshot.Status.completed("snap-9")),
            new NativeVolumeSnapshot(
                new NativeVolumeSnapshot.Spec(
                    "nightly", "uid-1", "aws-default", "pv-2", "vol-456", null, null, null),
                NativeVolumeSnapshot.Status.failed()));

    String json = new String(VeleroJson.writeVolumeSnapshots(snapshots), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "[{\"spec\":{\"backupName\":\"nightly\",\"backupUID\":\"uid-1\","
                + "\"location\":\"aws-default\",\"persistentVolumeName\":\"pv-1\","
                + "\"providerVolumeID\":\"vol-123\",\"volumeType\":\"gp3\","
                + "\"volumeAZ\":\"eu-west-1a\",\"volumeIOPS\":3000},"
                + "\"status\":{\"providerSnapshotID\":\"snap-9\",\"phase\":\"Completed\"}},"
                + "{\"spec\":{\"backupName\":\"nightly\",\"backupUID\":\"uid-1\","
                + "\"location\":\"aws-default\",\"persistentVolumeName\":\"pv-2\","
                + "\"providerVolumeID\":\"vol-456\",\"volumeType\":\"\"},"
                + "\"status\":{\"phase\":\"Failed\"}}]\n");
  }

  @Test
  void readsBackWhatItWrites() {
    List<NativeVolumeSnapshot> snapshots =
        List.of(new NativeVolumeSnapshot(SPEC, NativeVolumeSnapshot.Status.completed("snap-9")));

    List<NativeVolumeSnapshot> read =
        VeleroJson.readVolumeSnapshots(
            new ByteArrayInputStream(VeleroJson.writeVolumeSnapshots(snapshots)));

    assertThat(read).isEqualTo(snapshots);
    assertThat(read.get(0).completed()).isTrue();
  }

  @Test
  void completedOnlyInPhaseCompleted() {
    assertThat(new NativeVolumeSnapshot(SPEC, NativeVolumeSnapshot.Status.failed()).completed())
        .isFalse();
    assertThat(
            new NativeVolumeSnapshot(SPEC, new NativeVolumeSnapshot.Status(null, null)).completed())
        .isFalse();
    assertThat(new NativeVolumeSnapshot(SPEC, null).completed()).isFalse();
  }

  @Test
  void readsLenientlyNullListsEmptyPhasesAndUnknownFields() {
    assertThat(
            VeleroJson.readVolumeSnapshots(
                new ByteArrayInputStream("null\n".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
    List<NativeVolumeSnapshot> read =
        VeleroJson.readVolumeSnapshots(
            new ByteArrayInputStream(
                "[{\"spec\":{\"backupName\":\"b\",\"future\":1},\"status\":{\"phase\":\"\"}}]"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(read.get(0).spec().backupName()).isEqualTo("b");
    assertThat(read.get(0).spec().volumeType()).isEmpty();
    assertThat(read.get(0).status().phase()).isNull();
  }
}
