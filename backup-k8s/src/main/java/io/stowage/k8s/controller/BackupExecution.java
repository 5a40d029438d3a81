package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.prepare.Preparation;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run of a Backup already patched InProgress: runs and persists it through {@link
 * BackupService#run}, writes progress while it runs, then the final status (phase, times, counts,
 * failure reason, progress, hook status). Never throws for a backup that goes wrong: an exception
 * of the run becomes phase Failed with the exception's message as {@code failureReason}.
 *
 * <p>The final status write is conditional on the last resourceVersion this process wrote. On a 409
 * it reads the Backup again: still InProgress (someone changed a label, say) → it writes again; any
 * other phase (another replica marked it Failed) → it leaves it. Other failures are retried with
 * back-off up to {@code finalStatusTimeout}.
 */
final class BackupExecution {
  private static final Logger LOG = LoggerFactory.getLogger(BackupExecution.class);
  private static final int MAX_CONFLICTS = 10;

  private final BackupResources resources;
  private final BackupService service;
  private final RunningBackups tracker;
  private final BackupListener listener;
  private final Clock clock;
  private final Duration finalStatusTimeout;

  BackupExecution(
      BackupResources resources,
      BackupService service,
      RunningBackups tracker,
      BackupListener listener,
      Clock clock,
      Duration finalStatusTimeout) {
    this.resources = requireNonNull(resources, "resources is null");
    this.service = requireNonNull(service, "service is null");
    this.tracker = requireNonNull(tracker, "tracker is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.finalStatusTimeout = requireNonNull(finalStatusTimeout, "finalStatusTimeout is null");
  }

  /**
   * Runs a started backup to its end; the tracker entry of {@code key} is removed when this
   * returns.
   *
   * @param preparation the valid preparation whose Backup is InProgress with its start time
   * @param resourceVersion the Backup's resourceVersion after the InProgress write
   */
  void execute(BackupKey key, Preparation preparation, String resourceVersion) {
    Error fatal = null;
    try {
      ProgressPatcher progress = new ProgressPatcher(resources, key.name(), resourceVersion);
      RunOutcome outcome;
      try {
        outcome = service.run(preparation, progress);
      } catch (RuntimeException e) {
        LOG.error("backup {} failed: {}", key, describe(e), e);
        outcome = failed(preparation.backup(), describe(e));
      } catch (Error e) {
        fatal = e;
        LOG.error("backup {} failed: {}", key, e, e);
        outcome = failed(preparation.backup(), "internal error: " + e);
      }
      if (!tracker.beginFinishing(key)) {
        LOG.warn(
            "backup {} ended as {} after shutdown had marked it Failed; its status stays Failed",
            key,
            outcome.phase());
        return;
      }
      listener.backupFinished(outcome.backup(), outcome.tarballBytes());
      writeFinalStatus(key, outcome.backup().getStatus(), progress.resourceVersion());
      LOG.info(
          "backup {} ended {}{}",
          key,
          outcome.phase(),
          outcome.backup().getStatus().getFailureReason() == null
              ? ""
              : ": " + outcome.backup().getStatus().getFailureReason());
    } finally {
      tracker.finish(key);
    }
    if (fatal instanceof VirtualMachineError) {
      throw fatal;
    }
  }

  private RunOutcome failed(Backup backup, String reason) {
    Backup copy = VeleroJson.deepCopy(backup);
    BackupStatus status = copy.getStatus();
    status.setPhase(BackupPhase.FAILED);
    status.setFailureReason(reason);
    status.setCompletionTimestamp(clock.instant());
    return new RunOutcome(copy, null, 0);
  }

  private void writeFinalStatus(BackupKey key, BackupStatus status, String resourceVersion) {
    Instant deadline = clock.instant().plus(finalStatusTimeout);
    String version = resourceVersion;
    long pauseMillis = 200;
    int conflicts = 0;
    while (true) {
      try {
        resources.patchStatus(key.name(), version, status);
        return;
      } catch (RuntimeException e) {
        if (is(e, StandardErrorCode.NOT_FOUND)) {
          LOG.warn("backup {} was deleted while it ran; its final status is not written", key);
          return;
        }
        if (is(e, StandardErrorCode.CONFLICT) && conflicts++ < MAX_CONFLICTS) {
          try {
            Optional<String> fresh = stillInProgress(key);
            if (fresh.isEmpty()) {
              return;
            }
            version = fresh.get();
            continue;
          } catch (RuntimeException readFailure) {
            // Cannot tell yet: pause and write again, as for any other failure.
          }
        }
        if (!clock.instant().isBefore(deadline) || Thread.currentThread().isInterrupted()) {
          LOG.error(
              "cannot write the final status of backup {} ({}); it stays InProgress until the"
                  + " next start marks it Failed",
              key,
              e.getMessage());
          return;
        }
        LOG.warn("cannot write the final status of backup {} yet: {}", key, e.getMessage());
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          LOG.error("interrupted while writing the final status of backup {}", key);
          return;
        }
        pauseMillis = Math.min(pauseMillis * 2, 5_000);
      }
    }
  }

  /** The Backup's resourceVersion when it is still InProgress; empty when someone else ended it. */
  private Optional<String> stillInProgress(BackupKey key) {
    Optional<GenericKubernetesResource> current = resources.get(key.name());
    if (current.isEmpty()) {
      LOG.warn("backup {} was deleted while it ran; its final status is not written", key);
      return Optional.empty();
    }
    String phase = BackupEvents.phaseOf(current.get());
    if (!BackupPhase.IN_PROGRESS.value().equals(phase)) {
      LOG.warn(
          "backup {} was set to {} by someone else while this process ran it; left as it is",
          key,
          phase);
      return Optional.empty();
    }
    return Optional.of(current.get().getMetadata().getResourceVersion());
  }

  static boolean is(RuntimeException e, StandardErrorCode code) {
    return e instanceof BackupException backupException && backupException.errorCode() == code;
  }

  static String describe(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
