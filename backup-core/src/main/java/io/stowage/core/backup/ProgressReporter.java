package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.BackupProgress;
import io.stowage.api.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Tells a listener about progress at most once per interval, plus a final report. */
final class ProgressReporter {
  private final ProgressListener listener;
  private final BackupLog log;
  private final Clock clock;
  private final Duration interval;
  private Instant last = Instant.MIN;
  private BackupProgress lastReported;

  ProgressReporter(ProgressListener listener, BackupLog log, Clock clock, Duration interval) {
    this.listener = listener;
    this.log = log;
    this.clock = clock;
    this.interval = interval;
  }

  /** Reports when the interval has passed since the last report. */
  synchronized void maybeReport(int total, int backedUp) {
    Instant now = clock.instant();
    if (Duration.between(last, now).compareTo(interval) >= 0) {
      last = now;
      report(new BackupProgress(Math.max(total, backedUp), backedUp));
    }
  }

  /** Reports unconditionally. */
  synchronized void finish(int total, int backedUp) {
    last = clock.instant();
    report(new BackupProgress(Math.max(total, backedUp), backedUp));
  }

  private void report(BackupProgress progress) {
    if (progress.equals(lastReported)) {
      return;
    }
    lastReported = progress;
    try {
      listener.onProgress(progress);
    } catch (RuntimeException e) {
      log.warn("progress listener failed: " + e.getMessage());
    }
  }
}
