package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code velero.io/v1} Backup: the Kubernetes object that asks for a backup and reports on it,
 * and also the content of {@code velero-backup.json} in the object store.
 *
 * <p>This is the wire model: mutable, with Velero's JSON names, field order ({@code kind}, {@code
 * apiVersion}, {@code metadata}, {@code spec}, {@code status}) and omission rules, and it keeps any
 * field it does not model (see {@link ExtensibleObject}). {@code metadata}, {@code spec} and {@code
 * status} are never {@code null} (a setter given {@code null} installs an empty one) and always
 * written; {@code kind} and {@code apiVersion} default to {@code Backup} and {@code velero.io/v1}.
 * Read and write it with {@link VeleroJson}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class Backup extends ExtensibleObject {
  /** {@code "Backup"}. */
  public static final String KIND = "Backup";

  /** {@code "velero.io/v1"}. */
  public static final String API_VERSION = "velero.io/v1";

  private String kind = KIND;
  private String apiVersion = API_VERSION;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private ObjectMeta metadata = new ObjectMeta();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupSpec spec = new BackupSpec();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupStatus status = new BackupStatus();

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

  public BackupSpec getSpec() {
    return spec;
  }

  public void setSpec(BackupSpec spec) {
    this.spec = spec == null ? new BackupSpec() : spec;
  }

  public BackupStatus getStatus() {
    return status;
  }

  public void setStatus(BackupStatus status) {
    this.status = status == null ? new BackupStatus() : status;
  }

  /** {@code Backup <namespace>/<name>}, for messages. */
  @Override
  public String toString() {
    return Fields.describe(KIND, metadata);
  }
}
