package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One native (VolumeSnapshotter) PV snapshot, as Velero records it in {@code
 * <name>-volumesnapshots.json.gz} ({@code volume.Snapshot}): a JSON object {@code {spec, status}}.
 *
 * <p>An immutable value. {@code spec} and {@code status} are never {@code null} ({@code null}
 * becomes an empty one). Unlike the API objects, unknown fields of this record are dropped on read:
 * Velero itself does not keep them either. Use {@link VeleroJson#writeVolumeSnapshots} and {@link
 * VeleroJson#readVolumeSnapshots} for the file's content.
 *
 * @param spec what was snapshotted, and where
 * @param status how it went
 */
@JsonPropertyOrder({"spec", "status"})
public record NativeVolumeSnapshot(Spec spec, Status status) {
  public NativeVolumeSnapshot {
    spec = spec == null ? new Spec(null, null, null, null, null, null, null, null) : spec;
    status = status == null ? new Status(null, null) : status;
  }

  /** {@code true} when the snapshot's phase is {@link Phase#COMPLETED}. */
  public boolean completed() {
    return status.phase() == Phase.COMPLETED;
  }

  /**
   * {@code spec} of a snapshot record. The first six fields are always written ({@code ""} when
   * {@code null} is given); {@code volumeAZ} is omitted when {@code null} or empty and {@code
   * volumeIOPS} when {@code null}.
   *
   * @param backupName name of the Backup
   * @param backupUID {@code metadata.uid} of the Backup
   * @param location name of the VolumeSnapshotLocation used
   * @param persistentVolumeName name of the PV
   * @param providerVolumeID the volume's ID at the provider
   * @param volumeType the provider's volume type
   * @param volumeAZ the volume's availability zone, or {@code null}
   * @param volumeIOPS provisioned IOPS, or {@code null}
   */
  @JsonPropertyOrder({
    "backupName",
    "backupUID",
    "location",
    "persistentVolumeName",
    "providerVolumeID",
    "volumeType",
    "volumeAZ",
    "volumeIOPS"
  })
  public record Spec(
      @JsonInclude(JsonInclude.Include.ALWAYS) String backupName,
      @JsonInclude(JsonInclude.Include.ALWAYS) String backupUID,
      @JsonInclude(JsonInclude.Include.ALWAYS) String location,
      @JsonInclude(JsonInclude.Include.ALWAYS) String persistentVolumeName,
      @JsonInclude(JsonInclude.Include.ALWAYS) String providerVolumeID,
      @JsonInclude(JsonInclude.Include.ALWAYS) String volumeType,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String volumeAZ,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long volumeIOPS) {
    public Spec {
      backupName = Fields.orEmpty(backupName);
      backupUID = Fields.orEmpty(backupUID);
      location = Fields.orEmpty(location);
      persistentVolumeName = Fields.orEmpty(persistentVolumeName);
      providerVolumeID = Fields.orEmpty(providerVolumeID);
      volumeType = Fields.orEmpty(volumeType);
    }
  }

  /**
   * {@code status} of a snapshot record; both fields are omitted when {@code null} or empty.
   *
   * @param providerSnapshotID the snapshot's ID at the provider, once taken
   * @param phase {@code null} when unset
   */
  @JsonPropertyOrder({"providerSnapshotID", "phase"})
  public record Status(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String providerSnapshotID,
      @JsonInclude(JsonInclude.Include.NON_NULL) Phase phase) {

    /** A snapshot taken, with its provider ID. */
    public static Status completed(String providerSnapshotID) {
      return new Status(providerSnapshotID, Phase.COMPLETED);
    }

    /** A snapshot that could not be taken. */
    public static Status failed() {
      return new Status(null, Phase.FAILED);
    }
  }

  /** {@code status.phase} of a snapshot record, with Velero's strings. */
  public enum Phase {
    NEW("New"),
    COMPLETED("Completed"),
    FAILED("Failed");

    private final String value;

    Phase(String value) {
      this.value = value;
    }

    /** The JSON string. */
    @JsonValue
    public String value() {
      return value;
    }

    /**
     * The phase with JSON string {@code value}; {@code null} for {@code null} or {@code ""}.
     *
     * @throws IllegalArgumentException for any other unknown string
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Phase fromValue(String value) {
      return Fields.enumValue(values(), Phase::value, value, "volume snapshot phase");
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
