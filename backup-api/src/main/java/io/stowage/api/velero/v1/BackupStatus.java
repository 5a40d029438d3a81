package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status} of a Backup, with Velero's JSON names and field order.
 *
 * <p>Every field is omitted when it holds its zero value, as Go's {@code omitempty} does: counts of
 * {@code 0}, {@code null} or empty strings, an empty {@code validationErrors}. Times, {@code
 * progress} and {@code hookStatus} are {@code null} when unset and then not written; once set they
 * are written even when empty ({@code "progress": {}}). {@code phase} is {@code null} when the JSON
 * has none or {@code ""}; {@link #phaseOrNew()} applies Velero's rule that this means {@link
 * BackupPhase#NEW}. A fresh status is written as {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "version",
  "formatVersion",
  "expiration",
  "phase",
  "queuePosition",
  "validationErrors",
  "startTimestamp",
  "completionTimestamp",
  "volumeSnapshotsAttempted",
  "volumeSnapshotsCompleted",
  "failureReason",
  "warnings",
  "errors",
  "progress",
  "csiVolumeSnapshotsAttempted",
  "csiVolumeSnapshotsCompleted",
  "backupItemOperationsAttempted",
  "backupItemOperationsCompleted",
  "backupItemOperationsFailed",
  "hookStatus"
})
public class BackupStatus extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int version;

  private String formatVersion;

  @RfcTime
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Instant expiration;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private BackupPhase phase;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int queuePosition;

  private List<String> validationErrors = new ArrayList<>();

  @RfcTime
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Instant startTimestamp;

  @RfcTime
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Instant completionTimestamp;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int volumeSnapshotsAttempted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int volumeSnapshotsCompleted;

  private String failureReason;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int warnings;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int errors;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private BackupProgress progress;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int csiVolumeSnapshotsAttempted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int csiVolumeSnapshotsCompleted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int backupItemOperationsAttempted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int backupItemOperationsCompleted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int backupItemOperationsFailed;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private HookStatus hookStatus;

  /**
   * The phase, or {@link BackupPhase#NEW} when none is set: Velero treats an empty phase as New.
   */
  public BackupPhase phaseOrNew() {
    return phase == null ? BackupPhase.NEW : phase;
  }

  /** Deprecated format major version; Velero always sets {@code 1}. */
  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  /** Backup format version, {@code "1.1.0"}; restore keys off it. */
  public String getFormatVersion() {
    return formatVersion;
  }

  public void setFormatVersion(String formatVersion) {
    this.formatVersion = formatVersion;
  }

  /** When the backup may be garbage-collected: preparation time + TTL. */
  public Instant getExpiration() {
    return expiration;
  }

  public void setExpiration(Instant expiration) {
    this.expiration = expiration;
  }

  public BackupPhase getPhase() {
    return phase;
  }

  public void setPhase(BackupPhase phase) {
    this.phase = phase;
  }

  /** 1-based position in Velero's backup queue; 0 when not queued. */
  public int getQueuePosition() {
    return queuePosition;
  }

  public void setQueuePosition(int queuePosition) {
    this.queuePosition = queuePosition;
  }

  /** Why validation failed; never {@code null}. */
  public List<String> getValidationErrors() {
    return validationErrors;
  }

  public void setValidationErrors(List<String> validationErrors) {
    this.validationErrors = Fields.copyOf(validationErrors);
  }

  /** Set when the phase becomes InProgress. */
  public Instant getStartTimestamp() {
    return startTimestamp;
  }

  public void setStartTimestamp(Instant startTimestamp) {
    this.startTimestamp = startTimestamp;
  }

  /** Set when the backup completes or fails. */
  public Instant getCompletionTimestamp() {
    return completionTimestamp;
  }

  public void setCompletionTimestamp(Instant completionTimestamp) {
    this.completionTimestamp = completionTimestamp;
  }

  /** Native (VolumeSnapshotter) snapshots attempted. */
  public int getVolumeSnapshotsAttempted() {
    return volumeSnapshotsAttempted;
  }

  public void setVolumeSnapshotsAttempted(int volumeSnapshotsAttempted) {
    this.volumeSnapshotsAttempted = volumeSnapshotsAttempted;
  }

  /** Native (VolumeSnapshotter) snapshots completed. */
  public int getVolumeSnapshotsCompleted() {
    return volumeSnapshotsCompleted;
  }

  public void setVolumeSnapshotsCompleted(int volumeSnapshotsCompleted) {
    this.volumeSnapshotsCompleted = volumeSnapshotsCompleted;
  }

  /** The error that failed the whole backup; {@code null} otherwise. */
  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  /** Warning lines in the backup log. */
  public int getWarnings() {
    return warnings;
  }

  public void setWarnings(int warnings) {
    this.warnings = warnings;
  }

  /** Error lines in the backup log (plus failed plugin operations). */
  public int getErrors() {
    return errors;
  }

  public void setErrors(int errors) {
    this.errors = errors;
  }

  public BackupProgress getProgress() {
    return progress;
  }

  public void setProgress(BackupProgress progress) {
    this.progress = progress;
  }

  public int getCsiVolumeSnapshotsAttempted() {
    return csiVolumeSnapshotsAttempted;
  }

  public void setCsiVolumeSnapshotsAttempted(int csiVolumeSnapshotsAttempted) {
    this.csiVolumeSnapshotsAttempted = csiVolumeSnapshotsAttempted;
  }

  public int getCsiVolumeSnapshotsCompleted() {
    return csiVolumeSnapshotsCompleted;
  }

  public void setCsiVolumeSnapshotsCompleted(int csiVolumeSnapshotsCompleted) {
    this.csiVolumeSnapshotsCompleted = csiVolumeSnapshotsCompleted;
  }

  public int getBackupItemOperationsAttempted() {
    return backupItemOperationsAttempted;
  }

  public void setBackupItemOperationsAttempted(int backupItemOperationsAttempted) {
    this.backupItemOperationsAttempted = backupItemOperationsAttempted;
  }

  public int getBackupItemOperationsCompleted() {
    return backupItemOperationsCompleted;
  }

  public void setBackupItemOperationsCompleted(int backupItemOperationsCompleted) {
    this.backupItemOperationsCompleted = backupItemOperationsCompleted;
  }

  public int getBackupItemOperationsFailed() {
    return backupItemOperationsFailed;
  }

  public void setBackupItemOperationsFailed(int backupItemOperationsFailed) {
    this.backupItemOperationsFailed = backupItemOperationsFailed;
  }

  public HookStatus getHookStatus() {
    return hookStatus;
  }

  public void setHookStatus(HookStatus hookStatus) {
    this.hookStatus = hookStatus;
  }
}
