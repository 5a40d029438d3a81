package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.store.ContentSource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code backup describe --details}: the "Backup Volumes" detail from the volume-info file. */
class BackupDescriberTest {
  private final BackupStore store = new BackupStore(new InMemoryObjectBackupStore(), "b", "");

  @Test
  void listsNativeAndCsiSnapshotsFromTheVolumeInfoFileAndLeavesSkippedVolumesOut() {
    NativeVolumeSnapshot record =
        new NativeVolumeSnapshot(
            new NativeVolumeSnapshot.Spec(
                "nightly", "uid", "aws", "pv-1", "vol-1", "gp3", "zone-a", 3000L),
            NativeVolumeSnapshot.Status.completed("snap-1"));
    put(
        "nightly",
        List.of(
            BackupVolumeInfo.skipped(
                "scratch",
                "shop",
                "pv-skipped",
                "volumeSnapshot: no applicable volumesnapshotter found;",
                new BackupVolumeInfo.PvInfo("Retain", null)),
            BackupVolumeInfo.nativeSnapshot(
                "data",
                "shop",
                "pv-1",
                BackupVolumeInfo.NativeSnapshotInfo.of(record),
                new BackupVolumeInfo.PvInfo("Delete", null)),
            BackupVolumeInfo.csiSnapshot(
                "logs",
                "shop",
                "pv-2",
                null,
                null,
                BackupVolumeInfo.Result.SUCCEEDED,
                new BackupVolumeInfo.CsiSnapshotInfo(
                    "handle-2", 2147483648L, "disk.csi.example.com", "content-2", null, true, null),
                new BackupVolumeInfo.PvInfo("Delete", null))));

    String out = describe("nightly");

    assertThat(out)
        .contains(
            "Backup Volumes:\n"
                + "  Velero-Native Snapshots:\n"
                + "    pv-1:\n"
                + "      Snapshot ID:        snap-1\n"
                + "      Type:               gp3\n"
                + "      Availability Zone:  zone-a\n"
                + "      IOPS:               3000\n"
                + "      Result:             succeeded\n"
                + "  CSI Snapshots:\n"
                + "    shop/logs:\n"
                + "      Snapshot:\n"
                + "        Snapshot Content Name:  content-2\n"
                + "        Storage Snapshot ID:    handle-2\n"
                + "        Snapshot Size (bytes):  2147483648\n"
                + "        CSI Driver:             disk.csi.example.com\n"
                + "        Result:                 succeeded\n")
        .doesNotContain("pv-skipped", "scratch");
  }

  @Test
  void anEmptyVolumeInfoFileSaysNoneIncluded() {
    put("empty", List.of());

    assertThat(describe("empty"))
        .contains(
            "Backup Volumes:\n"
                + "  Velero-Native Snapshots: <none included>\n"
                + "  CSI Snapshots: <none included>\n")
        .as("the counts give way to the details")
        .doesNotContain("snapshots completed successfully");
  }

  private String describe(String name) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new BackupDescriber(out, "mem://b").describe(new StoredBackup(store, name), true);
    }
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  private void put(String name, List<BackupVolumeInfo> infos) {
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace("velero");
    backup.getStatus().setPhase(BackupPhase.COMPLETED);
    Map<BackupFile, ContentSource> files = new EnumMap<>(BackupFile.class);
    byte[] metadata = VeleroJson.writeBackupPretty(backup);
    files.put(BackupFile.METADATA, () -> new ByteArrayInputStream(metadata));
    byte[] empty = gzip(new byte[0]);
    files.put(BackupFile.CONTENTS, () -> new ByteArrayInputStream(empty));
    byte[] volumeInfo = gzip(VeleroJson.writeVolumeInfos(infos));
    files.put(BackupFile.VOLUME_INFO, () -> new ByteArrayInputStream(volumeInfo));
    store.putBackup(name, files);
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
