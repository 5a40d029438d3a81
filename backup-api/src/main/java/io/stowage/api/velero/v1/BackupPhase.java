package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code status.phase} of a Backup, with Velero's exact strings.
 *
 * <p>An empty or missing phase means the backup has not been looked at yet and is treated as {@link
 * #NEW}. In the model it reads as {@code null} (so it is written back as it came: absent); {@link
 * BackupStatus#phaseOrNew()} gives the phase with that rule applied. A phase string this version
 * does not know fails the read rather than being guessed.
 */
public enum BackupPhase {
  /** Created, not processed yet. */
  NEW("New"),
  /** Waiting in the backup queue (Velero 1.18+). */
  QUEUED("Queued"),
  /** Out of the queue, about to start (Velero 1.18+). */
  READY_TO_START("ReadyToStart"),
  /** Rejected by validation; {@code status.validationErrors} says why. Terminal. */
  FAILED_VALIDATION("FailedValidation"),
  /** Running. */
  IN_PROGRESS("InProgress"),
  /** Items backed up; asynchronous plugin operations still running. */
  WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),
  /** As {@link #WAITING_FOR_PLUGIN_OPERATIONS}, and something already failed. */
  WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),
  /** Plugin operations done; final update of the stored backup under way. */
  FINALIZING("Finalizing"),
  /** As {@link #FINALIZING}, and something failed. */
  FINALIZING_PARTIALLY_FAILED("FinalizingPartiallyFailed"),
  /** Ran to its end without errors. Terminal. */
  COMPLETED("Completed"),
  /** Ran to its end with errors on some items. Terminal. */
  PARTIALLY_FAILED("PartiallyFailed"),
  /** Stopped by an error; {@code status.failureReason} says which. Terminal. */
  FAILED("Failed"),
  /** Being deleted together with its data. */
  DELETING("Deleting");

  private final String value;

  BackupPhase(String value) {
    this.value = value;
  }

  /** The JSON string, for example {@code "InProgress"}. */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * {@code true} for the phases a backup never leaves by itself: {@link #COMPLETED}, {@link
   * #PARTIALLY_FAILED}, {@link #FAILED} and {@link #FAILED_VALIDATION}.
   */
  public boolean isTerminal() {
    return this == COMPLETED
        || this == PARTIALLY_FAILED
        || this == FAILED
        || this == FAILED_VALIDATION;
  }

  /**
   * The phase with JSON string {@code value}; {@code null} for {@code null} or {@code ""} (an empty
   * phase, treated as {@link #NEW} by readers).
   *
   * @throws IllegalArgumentException for a string that is not one of Velero's phases
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static BackupPhase fromValue(String value) {
    return Fields.enumValue(values(), BackupPhase::value, value, "backup phase");
  }

  @Override
  public String toString() {
    return value;
  }
}
