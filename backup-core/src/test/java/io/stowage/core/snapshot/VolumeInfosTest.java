package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.CsiSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.NativeSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.PvInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.Result;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.core.snapshot.BackedUpVolumes.Approach;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class VolumeInfosTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant END = Instant.parse("2026-01-02T03:05:00Z");

  private final List<String> lines = new ArrayList<>();
  private final BackupLog log =
      (BackupLog.Level level, ResourceIdentifier item, String message, Throwable error) ->
          lines.add(level + " " + message);
  private final BackedUpVolumes volumes = new BackedUpVolumes();

  @Test
  void skippedThenNativeThenCsiEntriesOnlyForBackedUpVolumes() {
    addPv("pv-skipped", "shop", "skipped-data", "Retain", "{\"tier\":\"cold\"}");
    addPv("pv-native", "shop", "native-data", "Delete", null);
    addPv("pv-csi", "shop", "csi-data", "Delete", null);
    volumes.skip("pv-skipped", Approach.VOLUME_SNAPSHOT, "no applicable volumesnapshotter found");
    volumes.skip("pv-not-backed-up", Approach.ANY, "item has label x=true");
    NativeVolumeSnapshot nativeRecord =
        new NativeVolumeSnapshot(
            new NativeVolumeSnapshot.Spec(
                "nightly", "uid", "aws", "pv-native", "vol-1", "gp3", "zone-a", null),
            NativeVolumeSnapshot.Status.completed("snap-1"));
    NativeVolumeSnapshot orphanRecord =
        new NativeVolumeSnapshot(
            new NativeVolumeSnapshot.Spec("nightly", "uid", "aws", "pv-gone", "v", "", "", null),
            NativeVolumeSnapshot.Status.failed());

    List<BackupVolumeInfo> infos =
        VolumeInfos.of(
            volumes,
            List.of(nativeRecord, orphanRecord),
            List.of(volumeSnapshot("shop", "velero-csi-data-x", "csi-data", "content-1", "1Gi")),
            List.of(content("content-1", "handle-1", true, false)),
            END,
            log);

    assertThat(infos)
        .containsExactly(
            BackupVolumeInfo.skipped(
                "skipped-data",
                "shop",
                "pv-skipped",
                "volumeSnapshot: no applicable volumesnapshotter found;",
                new PvInfo("Retain", Map.of("tier", "cold"))),
            BackupVolumeInfo.nativeSnapshot(
                "native-data",
                "shop",
                "pv-native",
                new NativeSnapshotInfo("snap-1", "gp3", "zone-a", "0", "Completed"),
                new PvInfo("Delete", null)),
            BackupVolumeInfo.csiSnapshot(
                "csi-data",
                "shop",
                "pv-csi",
                Instant.parse("2026-01-02T03:04:05Z"),
                END,
                Result.SUCCEEDED,
                new CsiSnapshotInfo(
                    "handle-1", 1073741824L, "disk.csi.example.com", "content-1", null, true, null),
                new PvInfo("Delete", null)));
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "INFO Cannot find info for PV pv-not-backed-up",
            "INFO cannot find info for PV pv-gone");
  }

  @Test
  void aCsiSnapshotNotReadyYetHasNoResultAndAFailedContentIsFailed() {
    addPv("pv-a", "shop", "a", "Delete", null);
    addPv("pv-b", "shop", "b", "Delete", null);
    ObjectNode pending = volumeSnapshot("shop", "vs-a", "a", "content-a", "1500M");
    ((ObjectNode) pending.get("status")).remove("readyToUse");
    ((ObjectNode) pending.get("status")).remove("creationTime");

    List<BackupVolumeInfo> infos =
        VolumeInfos.of(
            volumes,
            List.of(),
            List.of(pending, volumeSnapshot("shop", "vs-b", "b", "content-b", "2e3")),
            List.of(content("content-a", "", false, false), content("content-b", "h", false, true)),
            END,
            log);

    assertThat(infos).hasSize(2);
    BackupVolumeInfo a = infos.get(0);
    assertThat(a.result()).isNull();
    assertThat(a.completionTimestamp()).isNull();
    assertThat(a.startTimestamp()).isNull();
    assertThat(a.csiSnapshotInfo().readyToUse()).isNull();
    assertThat(a.csiSnapshotInfo().size()).isEqualTo(1_500_000_000L);
    BackupVolumeInfo b = infos.get(1);
    assertThat(b.result()).isEqualTo(Result.FAILED);
    assertThat(b.completionTimestamp()).isEqualTo(END);
    assertThat(b.csiSnapshotInfo().size()).isEqualTo(2000L);
  }

  @Test
  void volumeSnapshotsThatCannotBeMatchedGetNoEntry() {
    addPv("pv-a", "shop", "a", "Delete", null);
    ObjectNode unbound = volumeSnapshot("shop", "vs-unbound", "a", "content-x", "1Gi");
    ((ObjectNode) unbound.get("status")).remove("boundVolumeSnapshotContentName");
    ObjectNode noSource = volumeSnapshot("shop", "vs-nosource", "a", "content-1", "1Gi");
    ((ObjectNode) noSource.get("spec")).remove("source");

    List<BackupVolumeInfo> infos =
        VolumeInfos.of(
            volumes,
            List.of(),
            List.of(
                unbound,
                noSource,
                volumeSnapshot("shop", "vs-nocontent", "a", "content-missing", "1Gi"),
                volumeSnapshot("other", "vs-otherpvc", "a", "content-1", "1Gi")),
            List.of(content("content-1", "h", true, false)),
            END,
            log);

    assertThat(infos).isEmpty();
    assertThat(lines)
        .containsExactly(
            "INFO Cannot find VolumeSnapshotContent for VolumeSnapshot shop/vs-unbound",
            "INFO VolumeSnapshot shop/vs-nosource doesn't have a source PVC",
            "INFO fail to get VolumeSnapshotContent for VolumeSnapshot: shop/vs-nocontent",
            "INFO cannot find info for PVC other/a");
  }

  private void addPv(
      String name, String claimNamespace, String claimName, String policy, String labels) {
    volumes.add(
        JSON.readTree(
            "{\"metadata\":{\"name\":\""
                + name
                + "\""
                + (labels == null ? "" : ",\"labels\":" + labels)
                + "},\"spec\":{\"persistentVolumeReclaimPolicy\":\""
                + policy
                + "\",\"claimRef\":{\"namespace\":\""
                + claimNamespace
                + "\",\"name\":\""
                + claimName
                + "\"}}}"));
  }

  private static ObjectNode volumeSnapshot(
      String namespace, String name, String pvc, String content, String restoreSize) {
    return (ObjectNode)
        JSON.readTree(
            "{\"apiVersion\":\"snapshot.storage.k8s.io/v1\",\"kind\":\"VolumeSnapshot\","
                + "\"metadata\":{\"namespace\":\""
                + namespace
                + "\",\"name\":\""
                + name
                + "\",\"labels\":{\"velero.io/backup-name\":\"nightly\"}},"
                + "\"spec\":{\"source\":{\"persistentVolumeClaimName\":\""
                + pvc
                + "\"},\"volumeSnapshotClassName\":\"csi-class\"},"
                + "\"status\":{\"boundVolumeSnapshotContentName\":\""
                + content
                + "\",\"creationTime\":\"2026-01-02T03:04:05Z\",\"readyToUse\":true,"
                + "\"restoreSize\":\""
                + restoreSize
                + "\"}}");
  }

  private static ObjectNode content(String name, String handle, boolean ready, boolean error) {
    return (ObjectNode)
        JSON.readTree(
            "{\"metadata\":{\"name\":\""
                + name
                + "\"},\"spec\":{\"driver\":\"disk.csi.example.com\"},\"status\":{"
                + (handle.isEmpty() ? "" : "\"snapshotHandle\":\"" + handle + "\",")
                + (error ? "\"error\":{\"message\":\"quota exceeded\"}," : "")
                + "\"readyToUse\":"
                + ready
                + ",\"restoreSize\":1073741824}}");
  }
}
