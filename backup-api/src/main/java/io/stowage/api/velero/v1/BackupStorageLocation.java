package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code velero.io/v1} BackupStorageLocation ({@code bsl}): where backups are stored (provider,
 * bucket, prefix, credentials) and whether that place is usable.
 *
 * <p>Mutable wire model, like {@link Backup}: {@code metadata}, {@code spec} and {@code status} are
 * never {@code null} and always written; {@code kind} and {@code apiVersion} default to {@code
 * BackupStorageLocation} and {@code velero.io/v1}; unknown fields are kept.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class BackupStorageLocation extends ExtensibleObject {
  /** {@code "BackupStorageLocation"}. */
  public static final String KIND = "BackupStorageLocation";

  private String kind = KIND;
  private String apiVersion = Backup.API_VERSION;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private ObjectMeta metadata = new ObjectMeta();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupStorageLocationSpec spec = new BackupStorageLocationSpec();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupStorageLocationStatus status = new BackupStorageLocationStatus();

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

  public BackupStorageLocationSpec getSpec() {
    return spec;
  }

  public void setSpec(BackupStorageLocationSpec spec) {
    this.spec = spec == null ? new BackupStorageLocationSpec() : spec;
  }

  public BackupStorageLocationStatus getStatus() {
    return status;
  }

  public void setStatus(BackupStorageLocationStatus status) {
    this.status = status == null ? new BackupStorageLocationStatus() : status;
  }

  @Override
  public String toString() {
    return Fields.describe(KIND, metadata);
  }
}
