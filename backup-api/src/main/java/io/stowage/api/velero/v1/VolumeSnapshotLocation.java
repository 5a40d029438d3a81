package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code velero.io/v1} VolumeSnapshotLocation ({@code vsl}): a volume snapshotter plugin
 * (provider) with its settings, where native PV snapshots are taken.
 *
 * <p>Mutable wire model, like {@link Backup}: {@code metadata}, {@code spec} and {@code status} are
 * never {@code null} and always written; {@code kind} and {@code apiVersion} default to {@code
 * VolumeSnapshotLocation} and {@code velero.io/v1}; unknown fields are kept.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class VolumeSnapshotLocation extends ExtensibleObject {
  /** {@code "VolumeSnapshotLocation"}. */
  public static final String KIND = "VolumeSnapshotLocation";

  private String kind = KIND;
  private String apiVersion = Backup.API_VERSION;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private ObjectMeta metadata = new ObjectMeta();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private VolumeSnapshotLocationSpec spec = new VolumeSnapshotLocationSpec();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private VolumeSnapshotLocationStatus status = new VolumeSnapshotLocationStatus();

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public ObjectMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata == null ? new ObjectMeta() : metadata;
  }

  public VolumeSnapshotLocationSpec getSpec() {
    return spec;
  }

  public void setSpec(VolumeSnapshotLocationSpec spec) {
    this.spec = spec == null ? new VolumeSnapshotLocationSpec() : spec;
  }

  public VolumeSnapshotLocationStatus getStatus() {
    return status;
  }

  public void setStatus(VolumeSnapshotLocationStatus status) {
    this.status = status == null ? new VolumeSnapshotLocationStatus() : status;
  }

  @Override
  public String toString() {
    return Fields.describe(KIND, metadata);
  }
}
