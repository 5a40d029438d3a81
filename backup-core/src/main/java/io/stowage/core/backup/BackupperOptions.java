package io.stowage.core.backup;

import static java.util.Objects.requireNonNull;

import io.stowage.api.velero.v1.GoDuration;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the {@link KubernetesBackupper}.
 *
 * @param pageSize items per list page, Velero's {@code --client-page-size}; 0 disables paging
 * @param progressInterval the least time between two progress reports (Velero: one second)
 * @param clock the clock for progress throttling and the completion time of CSI volume-info entries
 * @param fsBackupTimeout the server's {@code --fs-backup-timeout} (Velero: 240m), used for a backup
 *     whose {@code velero.io/pod-volume-timeout} annotation is absent or unparsable
 */
public record BackupperOptions(
    int pageSize, Duration progressInterval, Clock clock, GoDuration fsBackupTimeout) {
  /** Velero's {@code --fs-backup-timeout}. */
  public static final GoDuration VELERO_FS_BACKUP_TIMEOUT = GoDuration.ofMinutes(240);

  /** Velero's defaults: pages of 500, progress at most once a second, fs-backup timeout 240m. */
  public static final BackupperOptions DEFAULTS =
      new BackupperOptions(500, Duration.ofSeconds(1), Clock.systemUTC());

  public BackupperOptions {
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must be 0 (no paging) or positive");
    }
    requireNonNull(progressInterval, "progressInterval is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(fsBackupTimeout, "fsBackupTimeout is null");
  }

  /** With Velero's fs-backup timeout. */
  public BackupperOptions(int pageSize, Duration progressInterval, Clock clock) {
    this(pageSize, progressInterval, clock, VELERO_FS_BACKUP_TIMEOUT);
  }

  public BackupperOptions withPageSize(int size) {
    return new BackupperOptions(size, progressInterval, clock, fsBackupTimeout);
  }

  public BackupperOptions withFsBackupTimeout(GoDuration timeout) {
    return new BackupperOptions(pageSize, progressInterval, clock, timeout);
  }
}
