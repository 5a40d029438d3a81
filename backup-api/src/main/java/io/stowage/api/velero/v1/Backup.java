package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A {@code velero.io/v1} Backup. SKELETON: completed by the model work. */
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public class Backup {
  private String kind = "Backup";
  private String apiVersion = "velero.io/v1";
  private ObjectMeta metadata = new ObjectMeta();
  private BackupSpec spec = new BackupSpec();
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
    this.metadata = metadata;
  }

  public BackupSpec getSpec() {
    return spec;
  }

  public void setSpec(BackupSpec spec) {
    this.spec = spec;
  }

  public BackupStatus getStatus() {
    return status;
  }

  public void setStatus(BackupStatus status) {
    this.status = status;
  }
}
