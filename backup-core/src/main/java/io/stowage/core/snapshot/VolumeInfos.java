package io.stowage.core.snapshot;

import io.stowage.api.BackupLog;
import io.stowage.api.Quantities;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.CsiSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.NativeSnapshotInfo;
import io.stowage.api.velero.v1.BackupVolumeInfo.Result;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.api.velero.v1.VeleroJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the entries of {@code <name>-volumeinfo.json.gz} at the end of a run, as Velero's {@code
 * BackupVolumesInformation.Result} does: skipped PVs, then native snapshots, then CSI snapshots,
 * each only for a PV that was backed up ({@link BackedUpVolumes}). See {@code docs/architecture.md}
 * "The volume-info file" for the facts and where Stowage differs.
 *
 * <p>A record or VolumeSnapshot whose PV cannot be found gets no entry and an info line in the
 * backup log (Velero logs it after its backup log is closed, so it never counts as a warning).
 */
public final class VolumeInfos {
  private VolumeInfos() {}

  /**
   * The entries of one backup.
   *
   * @param volumes the backed-up PVs and skip reasons
   * @param nativeSnapshots the native snapshot records, in the order taken
   * @param volumeSnapshots the CSI VolumeSnapshots labelled for the backup, as gathered at its end
   * @param contents their VolumeSnapshotContents, as gathered
   * @param gatheredAt when the CSI objects were read: the completion time of a CSI entry whose
   *     content was then ready or failed
   */
  public static List<BackupVolumeInfo> of(
      BackedUpVolumes volumes,
      List<NativeVolumeSnapshot> nativeSnapshots,
      List<ObjectNode> volumeSnapshots,
      List<ObjectNode> contents,
      Instant gatheredAt,
      BackupLog log) {
    List<BackupVolumeInfo> infos = new ArrayList<>();
    volumes
        .skippedReasons()
        .forEach(
            (pvName, reasons) -> {
              Optional<BackedUpVolumes.Volume> volume = volumes.byName(pvName);
              if (volume.isEmpty()) {
                log.info("Cannot find info for PV " + pvName);
                return;
              }
              BackedUpVolumes.Volume pv = volume.get();
              infos.add(
                  BackupVolumeInfo.skipped(
                      pv.pvcName(), pv.pvcNamespace(), pvName, reasons, pv.pvInfo()));
            });
    for (NativeVolumeSnapshot record : nativeSnapshots) {
      String pvName = record.spec().persistentVolumeName();
      Optional<BackedUpVolumes.Volume> volume = volumes.byName(pvName);
      if (volume.isEmpty()) {
        log.info("cannot find info for PV " + pvName);
        continue;
      }
      BackedUpVolumes.Volume pv = volume.get();
      infos.add(
          BackupVolumeInfo.nativeSnapshot(
              pv.pvcName(),
              pv.pvcNamespace(),
              pv.pvName(),
              NativeSnapshotInfo.of(record),
              pv.pvInfo()));
    }
    Map<String, ObjectNode> contentsByName = new HashMap<>();
    contents.forEach(c -> contentsByName.put(c.path("metadata").path("name").asString(""), c));
    for (ObjectNode snapshot : volumeSnapshots) {
      csiEntry(volumes, snapshot, contentsByName, gatheredAt, log).ifPresent(infos::add);
    }
    return infos;
  }

  private static Optional<BackupVolumeInfo> csiEntry(
      BackedUpVolumes volumes,
      ObjectNode snapshot,
      Map<String, ObjectNode> contentsByName,
      Instant gatheredAt,
      BackupLog log) {
    String namespace = snapshot.path("metadata").path("namespace").asString("");
    String vsName = namespace + "/" + snapshot.path("metadata").path("name").asString("");
    JsonNode status = snapshot.path("status");
    String contentName = status.path("boundVolumeSnapshotContentName").asString("");
    if (contentName.isEmpty()) {
      log.info("Cannot find VolumeSnapshotContent for VolumeSnapshot " + vsName);
      return Optional.empty();
    }
    String pvcName =
        snapshot.path("spec").path("source").path("persistentVolumeClaimName").asString("");
    if (pvcName.isEmpty()) {
      log.info("VolumeSnapshot " + vsName + " doesn't have a source PVC");
      return Optional.empty();
    }
    ObjectNode content = contentsByName.get(contentName);
    if (content == null) {
      log.info("fail to get VolumeSnapshotContent for VolumeSnapshot: " + vsName);
      return Optional.empty();
    }
    Optional<BackedUpVolumes.Volume> volume = volumes.byClaim(namespace, pvcName);
    if (volume.isEmpty()) {
      log.info("cannot find info for PVC " + namespace + "/" + pvcName);
      return Optional.empty();
    }
    JsonNode contentStatus = content.path("status");
    JsonNode ready = status.path("readyToUse");
    CsiSnapshotInfo info =
        new CsiSnapshotInfo(
            contentStatus.path("snapshotHandle").asString(""),
            Quantities.value(status.path("restoreSize")),
            content.path("spec").path("driver").asString(""),
            contentName,
            null,
            ready.isBoolean() ? ready.booleanValue() : null,
            contentStatus.path("volumeGroupSnapshotHandle").asString(""));
    // Velero's finalize records the outcome of the operation that waits for the content; Stowage
    // has none, so the content's state when the run ends stands in for it.
    Result result = null;
    if (contentStatus.path("readyToUse").asBoolean(false)) {
      result = Result.SUCCEEDED;
    } else if (contentStatus.path("error").isObject()) {
      result = Result.FAILED;
    }
    BackedUpVolumes.Volume pv = volume.get();
    return Optional.of(
        BackupVolumeInfo.csiSnapshot(
            pv.pvcName(),
            pv.pvcNamespace(),
            pv.pvName(),
            time(status.path("creationTime")),
            result == null ? null : gatheredAt,
            result,
            info,
            pv.pvInfo()));
  }

  private static Instant time(JsonNode value) {
    if (!value.isString() || value.asString().isEmpty()) {
      return null;
    }
    try {
      return VeleroJson.parseTime(value.asString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
