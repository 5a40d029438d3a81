package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupProgress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupMetricsTest {
  private final BackupMetrics metrics = BackupMetrics.prometheus();

  @Test
  void gaugesEndingInTotalKeepTheirVeleroNames() {
    metrics.backupCount(7);
    metrics.backupFinished(finished(BackupPhase.COMPLETED, "", 0, 0), 1234);

    String text = metrics.scrape();

    assertThat(text)
        .contains(
            "# HELP velero_backup_total Current number of existent backups\n",
            "# TYPE velero_backup_total gauge\n",
            "velero_backup_total 7.0\n",
            "# TYPE velero_backup_items_total gauge\n",
            "velero_backup_items_total{schedule=\"\"} 12.0\n",
            "velero_backup_tarball_size_bytes{schedule=\"\"} 1234.0\n")
        .doesNotContain("\nvelero_backup ", "velero_backup_items{", "_total_total");
  }

  @Test
  void theScheduleSeriesStartAtZeroAndLastStatusAtOne() {
    Backup backup = finished(BackupPhase.PARTIALLY_FAILED, "weekly", 2, 3);
    backup.getStatus().setVolumeSnapshotsAttempted(3);
    backup.getStatus().setVolumeSnapshotsCompleted(2);

    assertThat(metrics.scrape()).contains("velero_backup_last_status{schedule=\"\"} 1.0\n");
    metrics.backupStarted(backup);
    metrics.backupFinished(backup, 10);

    assertThat(metrics.scrape())
        .contains(
            "velero_backup_attempt_total{schedule=\"weekly\"} 1.0\n",
            "velero_backup_partial_failure_total{schedule=\"weekly\"} 1.0\n",
            "velero_backup_success_total{schedule=\"weekly\"} 0.0\n",
            "velero_backup_last_status{schedule=\"weekly\"} 0.0\n",
            "velero_backup_items_errors{schedule=\"weekly\"} 3.0\n",
            "velero_backup_warning_total{schedule=\"weekly\"} 1.0\n",
            "velero_volume_snapshot_attempt_total{schedule=\"weekly\"} 3.0\n",
            "velero_volume_snapshot_success_total{schedule=\"weekly\"} 2.0\n",
            "velero_volume_snapshot_failure_total{schedule=\"weekly\"} 1.0\n",
            "velero_backup_duration_seconds_bucket{schedule=\"weekly\",le=\"300.0\"} 1\n",
            "velero_backup_duration_seconds_bucket{schedule=\"weekly\",le=\"60.0\"} 0\n",
            "velero_backup_duration_seconds_sum{schedule=\"weekly\"} 90.0\n");
  }

  @Test
  void failuresAndInterruptionsCountAsFailures() {
    metrics.backupFinished(finished(BackupPhase.FAILED, "", 0, 1), 0);
    metrics.backupInterrupted(finished(BackupPhase.FAILED, "", 0, 0));
    metrics.validationFailed(new Backup());
    metrics.lastSuccessfulBackup("", Instant.ofEpochSecond(1_700_000_000));

    assertThat(metrics.scrape())
        .contains(
            "velero_backup_failure_total{schedule=\"\"} 2.0\n",
            "velero_backup_validation_failure_total{schedule=\"\"} 1.0\n",
            "velero_backup_last_status{schedule=\"\"} 0.0\n",
            "velero_backup_last_successful_timestamp{schedule=\"\"} 1.7E9\n");
  }

  @Test
  void anyRegistryWorksButOnlyPrometheusScrapes() {
    BackupMetrics simple = new BackupMetrics(new SimpleMeterRegistry());
    simple.backupStarted(new Backup());

    assertThat(simple.registry().get(BackupMetrics.ATTEMPT_TOTAL).counter().count()).isEqualTo(1);
    assertThatThrownBy(simple::scrape).isInstanceOf(IllegalStateException.class);
  }

  private static Backup finished(BackupPhase phase, String schedule, int warnings, int errors) {
    Backup backup = new Backup();
    backup.getMetadata().setName("b");
    if (!schedule.isEmpty()) {
      backup.getMetadata().getLabels().put(BackupListener.SCHEDULE_LABEL, schedule);
    }
    backup.getStatus().setPhase(phase);
    backup.getStatus().setStartTimestamp(Instant.parse("2026-01-01T00:00:00Z"));
    backup.getStatus().setCompletionTimestamp(Instant.parse("2026-01-01T00:01:30Z"));
    backup.getStatus().setProgress(new BackupProgress(12, 12));
    backup.getStatus().setWarnings(warnings);
    backup.getStatus().setErrors(errors);
    return backup;
  }
}
