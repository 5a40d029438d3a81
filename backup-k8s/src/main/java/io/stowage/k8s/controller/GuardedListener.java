package io.stowage.k8s.controller;

import io.stowage.api.velero.v1.Backup;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes calls to a host's {@link BackupListener}, logging and swallowing what it throws. */
final class GuardedListener implements BackupListener {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

  private final BackupListener delegate;

  GuardedListener(BackupListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void backupStarted(Backup backup) {
    guard("backupStarted", () -> delegate.backupStarted(backup));
  }

  @Override
  public void validationFailed(Backup backup) {
    guard("validationFailed", () -> delegate.validationFailed(backup));
  }

  @Override
  public void backupFinished(Backup backup, long tarballBytes) {
    guard("backupFinished", () -> delegate.backupFinished(backup, tarballBytes));
  }

  @Override
  public void backupInterrupted(Backup backup) {
    guard("backupInterrupted", () -> delegate.backupInterrupted(backup));
  }

  @Override
  public void backupCount(int count) {
    guard("backupCount", () -> delegate.backupCount(count));
  }

  @Override
  public void lastSuccessfulBackup(String schedule, Instant completion) {
    guard("lastSuccessfulBackup", () -> delegate.lastSuccessfulBackup(schedule, completion));
  }

  private static void guard(String method, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("backup listener failed in {}: {}", method, e.toString(), e);
    }
  }
}
