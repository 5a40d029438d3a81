package io.stowage.cli;

import io.stowage.api.velero.v1.BackupPhase;

/** The exit codes of {@code stowage}. */
final class ExitCodes {
  /** Done; a backup Completed. */
  static final int OK = 0;

  /** A backup Failed or FailedValidation, or a command could not do its job. */
  static final int FAILED = 1;

  /** A backup ended PartiallyFailed. */
  static final int PARTIALLY_FAILED = 2;

  /** Usage error: unknown flag, bad value, missing argument (BSD's {@code EX_USAGE}). */
  static final int USAGE = 64;

  private ExitCodes() {}

  /** 0 for Completed, 2 for PartiallyFailed, 1 for anything else. */
  static int forPhase(BackupPhase phase) {
    if (phase == BackupPhase.COMPLETED) {
      return OK;
    }
    return phase == BackupPhase.PARTIALLY_FAILED ? PARTIALLY_FAILED : FAILED;
  }
}
