package io.stowage.core.backup;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the {@link KubernetesBackupper}.
 *
 * @param pageSize items per list page, Velero's {@code --client-page-size}; 0 disables paging
 * @param progressInterval the least time between two progress reports (Velero: one second)
 * @param clock the clock for progress throttling
 */
public record BackupperOptions(int pageSize, Duration progressInterval, Clock clock) {
  /** Velero's defaults: pages of 500, progress at most once a second. */
  public static final BackupperOptions DEFAULTS =
      new BackupperOptions(500, Duration.ofSeconds(1), Clock.systemUTC());

  public BackupperOptions {
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must be 0 (no paging) or positive");
    }
    requireNonNull(progressInterval, "progressInterval is null");
    requireNonNull(clock, "clock is null");
  }

  public BackupperOptions withPageSize(int size) {
    return new BackupperOptions(size, progressInterval, clock);
  }
}
