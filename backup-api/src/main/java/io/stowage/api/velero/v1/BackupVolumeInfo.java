package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of {@code <name>-volumeinfo.json.gz}: what a backup did with one PersistentVolume
 * (Velero's {@code BackupVolumeInfo}, v1.13+). Velero's restore picks by {@code backupMethod} how
 * to bring the PV back, and {@code velero backup describe} lists the snapshots from it; see {@code
 * docs/architecture.md} "The volume-info file".
 *
 * <p>JSON as Go writes the struct: fields in this order; {@code snapshotDataMoved}, {@code
 * preserveLocalSnapshot} and {@code skipped} always present; strings omitted when empty and the
 * rest omitted when {@code null}. Such strings are {@code null} when empty, so a value equals what
 * is read back from its JSON. Velero's {@code snapshotDataMovementInfo} and {@code pvbInfo} (data
 * mover and pod-volume backups, which Stowage does not do) are not modelled and dropped on read, as
 * are unknown fields.
 *
 * @param pvcName the PVC the PV was bound to ({@code spec.claimRef}), or {@code null}
 * @param pvcNamespace that PVC's namespace, or {@code null}
 * @param pvName the PV's name
 * @param backupMethod how the data was backed up; {@code null} for a skipped PV
 * @param snapshotDataMoved whether the snapshot data was moved to the backup storage
 * @param preserveLocalSnapshot whether the local snapshot is kept (true for a CSI snapshot)
 * @param skipped whether the PV's data was left out
 * @param skippedReason {@code <approach>: <reason>;} for each approach that skipped the PV
 * @param startTimestamp when the snapshot started, or {@code null}
 * @param completionTimestamp when it completed, or {@code null}
 * @param result how it went, or {@code null} when not known (yet)
 * @param csiSnapshotInfo for {@link Method#CSI_SNAPSHOT}
 * @param nativeSnapshotInfo for {@link Method#NATIVE_SNAPSHOT}
 * @param pvInfo what a re-created PV would lose: reclaim policy and labels
 */
@JsonPropertyOrder({
  "pvcName",
  "pvcNamespace",
  "pvName",
  "backupMethod",
  "snapshotDataMoved",
  "preserveLocalSnapshot",
  "skipped",
  "skippedReason",
  "startTimestamp",
  "completionTimestamp",
  "result",
  "csiSnapshotInfo",
  "nativeSnapshotInfo",
  "pvInfo"
})
public record BackupVolumeInfo(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String pvcName,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String pvcNamespace,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String pvName,
    @JsonInclude(JsonInclude.Include.NON_NULL) Method backupMethod,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean snapshotDataMoved,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean preserveLocalSnapshot,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean skipped,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String skippedReason,
    @RfcTime @JsonInclude(JsonInclude.Include.NON_NULL) Instant startTimestamp,
    @RfcTime @JsonInclude(JsonInclude.Include.NON_NULL) Instant completionTimestamp,
    @JsonInclude(JsonInclude.Include.NON_NULL) Result result,
    @JsonInclude(JsonInclude.Include.NON_NULL) CsiSnapshotInfo csiSnapshotInfo,
    @JsonInclude(JsonInclude.Include.NON_NULL) NativeSnapshotInfo nativeSnapshotInfo,
    @JsonInclude(JsonInclude.Include.NON_NULL) PvInfo pvInfo) {
  public BackupVolumeInfo {
    pvcName = emptyToNull(pvcName);
    pvcNamespace = emptyToNull(pvcNamespace);
    pvName = emptyToNull(pvName);
    skippedReason = emptyToNull(skippedReason);
  }

  /** Strings Go omits when empty are {@code null} here, so that a value equals its read-back. */
  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** A PV whose data this backup left out, with Velero's serialised reasons. */
  public static BackupVolumeInfo skipped(
      String pvcName, String pvcNamespace, String pvName, String reasons, PvInfo pvInfo) {
    return new BackupVolumeInfo(
        pvcName,
        pvcNamespace,
        pvName,
        null,
        false,
        false,
        true,
        reasons,
        null,
        null,
        null,
        null,
        null,
        pvInfo);
  }

  /** A PV snapshotted by a VolumeSnapshotter; {@code result} follows the snapshot's phase. */
  public static BackupVolumeInfo nativeSnapshot(
      String pvcName, String pvcNamespace, String pvName, NativeSnapshotInfo info, PvInfo pvInfo) {
    Result result =
        NativeVolumeSnapshot.Phase.COMPLETED.value().equals(info.phase())
            ? Result.SUCCEEDED
            : Result.FAILED;
    return new BackupVolumeInfo(
        pvcName,
        pvcNamespace,
        pvName,
        Method.NATIVE_SNAPSHOT,
        false,
        false,
        false,
        null,
        null,
        null,
        result,
        null,
        info,
        pvInfo);
  }

  /**
   * A PV whose PVC got a CSI VolumeSnapshot that stays in the cluster ({@code
   * preserveLocalSnapshot}).
   */
  public static BackupVolumeInfo csiSnapshot(
      String pvcName,
      String pvcNamespace,
      String pvName,
      Instant startTimestamp,
      Instant completionTimestamp,
      Result result,
      CsiSnapshotInfo info,
      PvInfo pvInfo) {
    return new BackupVolumeInfo(
        pvcName,
        pvcNamespace,
        pvName,
        Method.CSI_SNAPSHOT,
        false,
        true,
        false,
        null,
        startTimestamp,
        completionTimestamp,
        result,
        info,
        null,
        pvInfo);
  }

  /** {@code backupMethod}, with Velero's strings. */
  public enum Method {
    NATIVE_SNAPSHOT("NativeSnapshot"),
    POD_VOLUME_BACKUP("PodVolumeBackup"),
    CSI_SNAPSHOT("CSISnapshot"),
    POD_VOLUME_RESTORE("PodVolumeRestore");

    private final String value;

    Method(String value) {
      this.value = value;
    }

    /** The JSON string. */
    @JsonValue
    public String value() {
      return value;
    }

    /**
     * The method with JSON string {@code value}; {@code null} for {@code null} or {@code ""}.
     *
     * @throws IllegalArgumentException for any other unknown string
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Method fromValue(String value) {
      return Fields.enumValue(values(), Method::value, value, "volume backup method");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** {@code result}, with Velero's strings. */
  public enum Result {
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String value;

    Result(String value) {
      this.value = value;
    }

    /** The JSON string. */
    @JsonValue
    public String value() {
      return value;
    }

    /**
     * The result with JSON string {@code value}; {@code null} for {@code null} or {@code ""}.
     *
     * @throws IllegalArgumentException for any other unknown string
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Result fromValue(String value) {
      return Fields.enumValue(values(), Result::value, value, "volume result");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /**
   * {@code csiSnapshotInfo}. The first four fields are always written; {@code ReadyToUse} (a
   * capitalised key: the Go field has no tag) is always written too, as {@code null} when unknown;
   * the other two are omitted when empty.
   *
   * @param snapshotHandle the storage's snapshot ID (the content's {@code status.snapshotHandle})
   * @param size the VolumeSnapshot's {@code status.restoreSize} in bytes, 0 when unset
   * @param driver the CSI driver (the content's {@code spec.driver})
   * @param vscName the VolumeSnapshotContent's name
   * @param operationID the asynchronous operation that waits for the snapshot, or {@code null}
   * @param readyToUse the VolumeSnapshot's {@code status.readyToUse}, or {@code null}
   * @param volumeGroupSnapshotHandle the content's {@code status.volumeGroupSnapshotHandle}, or
   *     {@code null}
   */
  @JsonPropertyOrder({
    "snapshotHandle",
    "size",
    "driver",
    "vscName",
    "operationID",
    "ReadyToUse",
    "volumeGroupSnapshotHandle"
  })
  public record CsiSnapshotInfo(
      @JsonInclude(JsonInclude.Include.ALWAYS) String snapshotHandle,
      @JsonInclude(JsonInclude.Include.ALWAYS) long size,
      @JsonInclude(JsonInclude.Include.ALWAYS) String driver,
      @JsonInclude(JsonInclude.Include.ALWAYS) String vscName,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String operationID,
      @JsonProperty("ReadyToUse") @JsonInclude(JsonInclude.Include.ALWAYS) Boolean readyToUse,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String volumeGroupSnapshotHandle) {
    public CsiSnapshotInfo {
      snapshotHandle = Fields.orEmpty(snapshotHandle);
      driver = Fields.orEmpty(driver);
      vscName = Fields.orEmpty(vscName);
      operationID = emptyToNull(operationID);
      volumeGroupSnapshotHandle = emptyToNull(volumeGroupSnapshotHandle);
    }
  }

  /**
   * {@code nativeSnapshotInfo}; every field is always written ({@code ""} for {@code null}), {@code
   * Phase} with a capitalised key (the Go field has no tag).
   *
   * @param snapshotHandle the provider's snapshot ID ({@code ""} when the snapshot failed)
   * @param volumeType the provider's volume type
   * @param volumeAZ the volume's availability zone
   * @param iops the provisioned IOPS as a decimal string, {@code "0"} when the provider gave none
   * @param phase the snapshot record's phase ({@code Completed}, {@code Failed})
   */
  @JsonPropertyOrder({"snapshotHandle", "volumeType", "volumeAZ", "iops", "Phase"})
  public record NativeSnapshotInfo(
      @JsonInclude(JsonInclude.Include.ALWAYS) String snapshotHandle,
      @JsonInclude(JsonInclude.Include.ALWAYS) String volumeType,
      @JsonInclude(JsonInclude.Include.ALWAYS) String volumeAZ,
      @JsonInclude(JsonInclude.Include.ALWAYS) String iops,
      @JsonProperty("Phase") @JsonInclude(JsonInclude.Include.ALWAYS) String phase) {
    public NativeSnapshotInfo {
      snapshotHandle = Fields.orEmpty(snapshotHandle);
      volumeType = Fields.orEmpty(volumeType);
      volumeAZ = Fields.orEmpty(volumeAZ);
      iops = Fields.orEmpty(iops);
      phase = Fields.orEmpty(phase);
    }

    /** The info Velero derives from a native snapshot record. */
    public static NativeSnapshotInfo of(NativeVolumeSnapshot record) {
      Long iops = record.spec().volumeIOPS();
      NativeVolumeSnapshot.Phase phase = record.status().phase();
      return new NativeSnapshotInfo(
          record.status().providerSnapshotID(),
          record.spec().volumeType(),
          record.spec().volumeAZ(),
          Long.toString(iops == null ? 0 : iops),
          phase == null ? "" : phase.value());
    }
  }

  /**
   * {@code pvInfo}: both fields always written; {@code labels} is {@code null} for a PV without
   * labels (a nil Go map), and keys are sorted.
   *
   * @param reclaimPolicy the PV's {@code spec.persistentVolumeReclaimPolicy}
   * @param labels the PV's labels, or {@code null}
   */
  @JsonPropertyOrder({"reclaimPolicy", "labels"})
  public record PvInfo(
      @JsonInclude(JsonInclude.Include.ALWAYS) String reclaimPolicy,
      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> labels) {
    public PvInfo {
      reclaimPolicy = Fields.orEmpty(reclaimPolicy);
      labels = labels == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
  }
}
