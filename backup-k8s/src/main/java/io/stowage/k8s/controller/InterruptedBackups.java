package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.VeleroJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ends backups that were InProgress but will never finish: at start (once leader), those left by a
 * process that stopped; at shutdown, those this process gave up waiting for. They become {@code
 * Failed} with a {@code failureReason} that says so and a {@code completionTimestamp}.
 */
final class InterruptedBackups {
  private static final Logger LOG = LoggerFactory.getLogger(InterruptedBackups.class);

  /** The reason given to a backup found InProgress at start that this process does not run. */
  static final String LEFT_BY_STOPPED_SERVER =
      "backup was InProgress when the Stowage server that ran it stopped; it did not finish";

  private final BackupResources resources;
  private final RunningBackups tracker;
  private final BackupListener listener;
  private final Clock clock;

  InterruptedBackups(
      BackupResources resources, RunningBackups tracker, BackupListener listener, Clock clock) {
    this.resources = requireNonNull(resources, "resources is null");
    this.tracker = requireNonNull(tracker, "tracker is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Marks Failed every Backup of the namespace that is InProgress and not run by this process. Each
   * write is conditional on the version read, so a backup that changed meanwhile is left alone.
   *
   * @return how many were marked
   * @throws BackupException when the Backups cannot be listed
   */
  int sweep() {
    int marked = 0;
    for (GenericKubernetesResource backup : resources.list()) {
      if (!BackupPhase.IN_PROGRESS.value().equals(BackupEvents.phaseOf(backup))
          || tracker.contains(BackupEvents.keyOf(backup))) {
        continue;
      }
      if (markFailed(backup, LEFT_BY_STOPPED_SERVER, true)) {
        marked++;
      }
    }
    return marked;
  }

  /**
   * Marks a backup this process runs Failed because shutdown does not wait for it any longer;
   * unconditional, as this process owns it.
   */
  void abandon(BackupKey key, String reason) {
    try {
      Optional<GenericKubernetesResource> current = resources.get(key.name());
      if (current.isPresent()
          && BackupPhase.IN_PROGRESS.value().equals(BackupEvents.phaseOf(current.get()))) {
        markFailed(current.get(), reason, false);
      }
    } catch (RuntimeException e) {
      LOG.error(
          "cannot mark backup {} Failed at shutdown ({}); the next start will", key, e.toString());
    }
  }

  private boolean markFailed(GenericKubernetesResource backup, String reason, boolean conditional) {
    String name = backup.getMetadata().getName();
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("phase", BackupPhase.FAILED.value());
    status.put("failureReason", reason);
    Instant now = clock.instant();
    status.put("completionTimestamp", VeleroJson.formatTime(now));
    try {
      resources.patchStatus(
          name, conditional ? backup.getMetadata().getResourceVersion() : null, status);
    } catch (BackupException e) {
      if (e.errorCode() == StandardErrorCode.CONFLICT
          || e.errorCode() == StandardErrorCode.NOT_FOUND) {
        LOG.info("backup {}/{} changed meanwhile; left as it is", resources.namespace(), name);
        return false;
      }
      throw e;
    }
    LOG.warn("backup {}/{} marked Failed: {}", resources.namespace(), name, reason);
    listener.backupInterrupted(describe(backup, reason, now));
    return true;
  }

  private Backup describe(GenericKubernetesResource resource, String reason, Instant now) {
    Backup backup;
    try {
      backup = resources.toBackup(resource);
    } catch (RuntimeException e) {
      backup = new Backup();
      backup.getMetadata().setNamespace(resource.getMetadata().getNamespace());
      backup.getMetadata().setName(resource.getMetadata().getName());
      if (resource.getMetadata().getLabels() != null) {
        backup.getMetadata().getLabels().putAll(resource.getMetadata().getLabels());
      }
    }
    backup.getStatus().setPhase(BackupPhase.FAILED);
    backup.getStatus().setFailureReason(reason);
    backup.getStatus().setCompletionTimestamp(now);
    return backup;
  }
}
