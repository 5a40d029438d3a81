package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Velero's backup metrics (facts §8) on a Micrometer {@link MeterRegistry}, with Velero's names,
 * types and the label {@code schedule} (the {@code velero.io/schedule-name} label, {@code ""} for
 * ad-hoc backups). In Prometheus text they read exactly as Velero's:
 *
 * <ul>
 *   <li>counters {@code velero_backup_attempt_total}, {@code velero_backup_success_total}, {@code
 *       velero_backup_partial_failure_total}, {@code velero_backup_failure_total}, {@code
 *       velero_backup_validation_failure_total}, {@code velero_backup_warning_total}, {@code
 *       velero_volume_snapshot_attempt_total}, {@code velero_volume_snapshot_success_total}, {@code
 *       velero_volume_snapshot_failure_total};
 *   <li>gauges {@code velero_backup_total} (no label), {@code
 *       velero_backup_last_successful_timestamp}, {@code velero_backup_last_status}, {@code
 *       velero_backup_tarball_size_bytes}, {@code velero_backup_items_total}, {@code
 *       velero_backup_items_errors};
 *   <li>histogram {@code velero_backup_duration_seconds} with Velero's buckets (Micrometer adds a
 *       {@code velero_backup_duration_seconds_max} gauge).
 * </ul>
 *
 * <p>Series of schedule {@code ""} exist from the start at 0 ({@code velero_backup_last_status} at
 * 1), as Velero's {@code InitSchedule} creates them; those of another schedule appear the first
 * time one of its backups is seen.
 *
 * <p>Given a {@link PrometheusMeterRegistry}, the constructor sets a naming convention on it that
 * keeps {@code _total} at the end of gauge names (the registry would strip it); other meters keep
 * their usual names. Use one instance per registry: a second one would find the gauges already
 * registered to the first. Thread-safe.
 */
public final class BackupMetrics implements BackupListener {
  public static final String BACKUP_TOTAL = "velero_backup_total";
  public static final String ATTEMPT_TOTAL = "velero_backup_attempt_total";
  public static final String SUCCESS_TOTAL = "velero_backup_success_total";
  public static final String PARTIAL_FAILURE_TOTAL = "velero_backup_partial_failure_total";
  public static final String FAILURE_TOTAL = "velero_backup_failure_total";
  public static final String VALIDATION_FAILURE_TOTAL = "velero_backup_validation_failure_total";
  public static final String LAST_STATUS = "velero_backup_last_status";
  public static final String LAST_SUCCESSFUL_TIMESTAMP = "velero_backup_last_successful_timestamp";
  public static final String DURATION_SECONDS = "velero_backup_duration_seconds";
  public static final String TARBALL_SIZE_BYTES = "velero_backup_tarball_size_bytes";
  public static final String ITEMS_TOTAL = "velero_backup_items_total";
  public static final String ITEMS_ERRORS = "velero_backup_items_errors";
  public static final String WARNING_TOTAL = "velero_backup_warning_total";
  public static final String VOLUME_SNAPSHOT_ATTEMPT_TOTAL = "velero_volume_snapshot_attempt_total";
  public static final String VOLUME_SNAPSHOT_SUCCESS_TOTAL = "velero_volume_snapshot_success_total";
  public static final String VOLUME_SNAPSHOT_FAILURE_TOTAL = "velero_volume_snapshot_failure_total";

  /** Velero's buckets of {@code velero_backup_duration_seconds}. */
  public static final List<Double> DURATION_BUCKETS =
      List.of(60.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 10800.0, 14400.0);

  private static final String SCHEDULE = "schedule";

  private static final Map<String, String> HELP =
      Map.ofEntries(
          Map.entry(BACKUP_TOTAL, "Current number of existent backups"),
          Map.entry(ATTEMPT_TOTAL, "Total number of attempted backups"),
          Map.entry(SUCCESS_TOTAL, "Total number of successful backups"),
          Map.entry(PARTIAL_FAILURE_TOTAL, "Total number of partially failed backups"),
          Map.entry(FAILURE_TOTAL, "Total number of failed backups"),
          Map.entry(VALIDATION_FAILURE_TOTAL, "Total number of validation failed backups"),
          Map.entry(
              LAST_STATUS, "Last status of the backup. A value of 1 is success, 0 is failure"),
          Map.entry(
              LAST_SUCCESSFUL_TIMESTAMP,
              "Last time a backup ran successfully, Unix timestamp in seconds"),
          Map.entry(DURATION_SECONDS, "Time taken to complete backup, in seconds"),
          Map.entry(TARBALL_SIZE_BYTES, "Size, in bytes, of a backup"),
          Map.entry(ITEMS_TOTAL, "Total number of items backed up"),
          Map.entry(ITEMS_ERRORS, "Total number of errors encountered during backup"),
          Map.entry(WARNING_TOTAL, "Total number of warned backups"),
          Map.entry(VOLUME_SNAPSHOT_ATTEMPT_TOTAL, "Total number of attempted volume snapshots"),
          Map.entry(VOLUME_SNAPSHOT_SUCCESS_TOTAL, "Total number of successful volume snapshots"),
          Map.entry(VOLUME_SNAPSHOT_FAILURE_TOTAL, "Total number of failed volume snapshots"));

  private static final List<String> SCHEDULE_COUNTERS =
      List.of(
          ATTEMPT_TOTAL,
          SUCCESS_TOTAL,
          PARTIAL_FAILURE_TOTAL,
          FAILURE_TOTAL,
          VALIDATION_FAILURE_TOTAL,
          WARNING_TOTAL,
          VOLUME_SNAPSHOT_ATTEMPT_TOTAL,
          VOLUME_SNAPSHOT_SUCCESS_TOTAL,
          VOLUME_SNAPSHOT_FAILURE_TOTAL);

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
  private final Map<String, Boolean> schedules = new ConcurrentHashMap<>();

  /**
   * Metrics on {@code registry}; see the class comment for what is changed on a Prometheus
   * registry.
   */
  public BackupMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
    if (registry instanceof PrometheusMeterRegistry) {
      registry
          .config()
          .namingConvention(new VeleroNamingConvention(registry.config().namingConvention()));
    }
    gauge(BACKUP_TOTAL, null);
    initSchedule("");
  }

  /** Metrics on a new {@link PrometheusMeterRegistry} of their own; see {@link #scrape()}. */
  public static BackupMetrics prometheus() {
    return new BackupMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** The registry the metrics live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The Prometheus text exposition of the registry.
   *
   * @throws IllegalStateException when the registry is not a {@link PrometheusMeterRegistry}
   */
  public String scrape() {
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      return prometheus.scrape();
    }
    throw new IllegalStateException(
        "scrape() needs a PrometheusMeterRegistry, these metrics live in a "
            + registry.getClass().getName());
  }

  /**
   * Creates the series of {@code schedule} at 0 and {@code velero_backup_last_status} at 1, as
   * Velero's {@code InitSchedule}; idempotent.
   */
  public void initSchedule(String schedule) {
    requireNonNull(schedule, "schedule is null");
    if (schedules.putIfAbsent(schedule, Boolean.TRUE) != null) {
      return;
    }
    for (String name : SCHEDULE_COUNTERS) {
      counter(name, schedule);
    }
    gauge(ITEMS_TOTAL, schedule);
    gauge(ITEMS_ERRORS, schedule);
    gauge(LAST_STATUS, schedule).set(1);
  }

  @Override
  public void backupStarted(Backup backup) {
    counter(ATTEMPT_TOTAL, schedule(backup)).increment();
  }

  @Override
  public void validationFailed(Backup backup) {
    String schedule = schedule(backup);
    counter(VALIDATION_FAILURE_TOTAL, schedule).increment();
    gauge(LAST_STATUS, schedule).set(0);
  }

  @Override
  public void backupFinished(Backup backup, long tarballBytes) {
    String schedule = schedule(backup);
    BackupStatus status = backup.getStatus();
    BackupPhase phase = status.phaseOrNew();
    switch (phase) {
      case COMPLETED -> {
        counter(SUCCESS_TOTAL, schedule).increment();
        gauge(LAST_STATUS, schedule).set(1);
      }
      case PARTIALLY_FAILED -> {
        counter(PARTIAL_FAILURE_TOTAL, schedule).increment();
        gauge(LAST_STATUS, schedule).set(0);
      }
      default -> {
        counter(FAILURE_TOTAL, schedule).increment();
        gauge(LAST_STATUS, schedule).set(0);
      }
    }
    if (status.getStartTimestamp() != null && status.getCompletionTimestamp() != null) {
      long seconds =
          Duration.between(status.getStartTimestamp(), status.getCompletionTimestamp()).toSeconds();
      duration(schedule).record(Math.max(0, seconds));
    }
    gauge(TARBALL_SIZE_BYTES, schedule).set(tarballBytes);
    gauge(ITEMS_TOTAL, schedule)
        .set(status.getProgress() == null ? 0 : status.getProgress().getTotalItems());
    gauge(ITEMS_ERRORS, schedule).set(status.getErrors());
    if (status.getWarnings() > 0) {
      counter(WARNING_TOTAL, schedule).increment();
    }
    int attempted = status.getVolumeSnapshotsAttempted();
    int completed = status.getVolumeSnapshotsCompleted();
    counter(VOLUME_SNAPSHOT_ATTEMPT_TOTAL, schedule).increment(attempted);
    counter(VOLUME_SNAPSHOT_SUCCESS_TOTAL, schedule).increment(completed);
    counter(VOLUME_SNAPSHOT_FAILURE_TOTAL, schedule).increment(Math.max(0, attempted - completed));
  }

  @Override
  public void backupInterrupted(Backup backup) {
    String schedule = schedule(backup);
    counter(FAILURE_TOTAL, schedule).increment();
    gauge(LAST_STATUS, schedule).set(0);
  }

  @Override
  public void backupCount(int count) {
    gauge(BACKUP_TOTAL, null).set(count);
  }

  @Override
  public void lastSuccessfulBackup(String schedule, Instant completion) {
    initSchedule(schedule);
    gauge(LAST_SUCCESSFUL_TIMESTAMP, schedule).set(completion.getEpochSecond());
  }

  private String schedule(Backup backup) {
    String schedule = BackupListener.scheduleOf(backup);
    initSchedule(schedule);
    return schedule;
  }

  private Counter counter(String name, String schedule) {
    return Counter.builder(name)
        .description(HELP.get(name))
        .tag(SCHEDULE, schedule)
        .register(registry);
  }

  private DistributionSummary duration(String schedule) {
    return DistributionSummary.builder(DURATION_SECONDS)
        .description(HELP.get(DURATION_SECONDS))
        .serviceLevelObjectives(
            DURATION_BUCKETS.stream().mapToDouble(Double::doubleValue).toArray())
        .tag(SCHEDULE, schedule)
        .register(registry);
  }

  private AtomicLong gauge(String name, String schedule) {
    String key = schedule == null ? name : name + "\u0000" + schedule;
    return gauges.computeIfAbsent(
        key,
        k -> {
          AtomicLong value = new AtomicLong();
          Gauge.Builder<AtomicLong> builder =
              Gauge.builder(name, value, AtomicLong::get)
                  .description(HELP.get(name))
                  .strongReference(true);
          if (schedule != null) {
            builder.tag(SCHEDULE, schedule);
          }
          builder.register(registry);
          return value;
        });
  }
}
