package io.stowage.core.run;

import io.stowage.api.BackupResult;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;

/**
 * How a backup run ended.
 *
 * @param backup the Backup with its final status (phase, times, counts, failure reason)
 * @param result what the backupper produced, or {@code null} when it never ran
 * @param tarballBytes size of the tarball written, 0 when none
 */
public record RunOutcome(Backup backup, BackupResult result, long tarballBytes) {
  public BackupPhase phase() {
    return backup.getStatus().getPhase();
  }
}
