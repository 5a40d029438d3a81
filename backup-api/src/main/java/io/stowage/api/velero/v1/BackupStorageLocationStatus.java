package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * {@code status} of a BackupStorageLocation. Every field is {@code null} when unset and then not
 * written. {@code lastSyncedRevision} and {@code accessMode} are deprecated in Velero and unused.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "phase",
  "lastSyncedTime",
  "lastValidationTime",
  "message",
  "lastSyncedRevision",
  "accessMode"
})
public class BackupStorageLocationStatus extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private BackupStorageLocationPhase phase;

  @RfcTime
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Instant lastSyncedTime;

  @RfcTime
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Instant lastValidationTime;

  private String message;
  private String lastSyncedRevision;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private BackupStorageLocationAccessMode accessMode;

  public BackupStorageLocationPhase getPhase() {
    return phase;
  }

  public void setPhase(BackupStorageLocationPhase phase) {
    this.phase = phase;
  }

  public Instant getLastSyncedTime() {
    return lastSyncedTime;
  }

  public void setLastSyncedTime(Instant lastSyncedTime) {
    this.lastSyncedTime = lastSyncedTime;
  }

  public Instant getLastValidationTime() {
    return lastValidationTime;
  }

  public void setLastValidationTime(Instant lastValidationTime) {
    this.lastValidationTime = lastValidationTime;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastSyncedRevision() {
    return lastSyncedRevision;
  }

  public void setLastSyncedRevision(String lastSyncedRevision) {
    this.lastSyncedRevision = lastSyncedRevision;
  }

  public BackupStorageLocationAccessMode getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(BackupStorageLocationAccessMode accessMode) {
    this.accessMode = accessMode;
  }
}
