package io.stowage.k8s.controller;

import io.stowage.api.velero.v1.Backup;
import java.time.Instant;
import java.util.Map;

/**
 * Observes the backup controller: what Velero turns into its Prometheus metrics (facts §8). Every
 * method has an empty default, so an implementation overrides what it needs; {@link #NOOP} observes
 * nothing. {@link BackupMetrics} is the Micrometer implementation.
 *
 * <p>Methods are called from the controller's worker and resync threads, possibly concurrently;
 * they must be thread-safe and return quickly. An exception thrown here is logged and ignored.
 */
public interface BackupListener {
  /** Observes nothing. */
  BackupListener NOOP = new BackupListener() {};

  /** The label holding the schedule name Velero's metrics are labelled with. */
  String SCHEDULE_LABEL = "velero.io/schedule-name";

  /** A backup passed validation and became InProgress. */
  default void backupStarted(Backup backup) {}

  /** A backup failed validation and became FailedValidation. */
  default void validationFailed(Backup backup) {}

  /**
   * A backup's main run ended: {@code backup} carries the final status (phase Completed,
   * PartiallyFailed or Failed, times, counts).
   *
   * @param tarballBytes the size of the tarball written, 0 when none
   */
  default void backupFinished(Backup backup, long tarballBytes) {}

  /**
   * A backup that was InProgress was marked Failed without finishing: left behind by a process that
   * stopped, or abandoned by this one at shutdown.
   */
  default void backupInterrupted(Backup backup) {}

  /** Resync: the number of Backup objects in the controller's namespace. */
  default void backupCount(int count) {}

  /**
   * Resync: the newest completion time of a Completed backup of {@code schedule} ({@code ""} for
   * backups of no schedule).
   */
  default void lastSuccessfulBackup(String schedule, Instant completion) {}

  /** The schedule name of a backup for metric labels: its schedule label, or {@code ""}. */
  static String scheduleOf(Backup backup) {
    if (backup == null || backup.getMetadata() == null) {
      return "";
    }
    Map<String, String> labels = backup.getMetadata().getLabels();
    String schedule = labels == null ? null : labels.get(SCHEDULE_LABEL);
    return schedule == null ? "" : schedule;
  }
}
