package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Velero's periodic metric resync (facts §7.6): the number of Backups, and per schedule ({@code ""}
 * for ad-hoc backups) the newest {@code completionTimestamp} among Completed ones.
 */
final class MetricsResync implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsResync.class);

  private final Supplier<List<GenericKubernetesResource>> backups;
  private final Function<GenericKubernetesResource, Backup> model;
  private final BackupListener listener;

  MetricsResync(
      Supplier<List<GenericKubernetesResource>> backups,
      Function<GenericKubernetesResource, Backup> model,
      BackupListener listener) {
    this.backups = requireNonNull(backups, "backups is null");
    this.model = requireNonNull(model, "model is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  @Override
  public void run() {
    try {
      List<GenericKubernetesResource> all = backups.get();
      listener.backupCount(all.size());
      Map<String, Instant> lastSuccess = new HashMap<>();
      for (GenericKubernetesResource resource : all) {
        if (!BackupPhase.COMPLETED.value().equals(BackupEvents.phaseOf(resource))) {
          continue;
        }
        Backup backup;
        try {
          backup = model.apply(resource);
        } catch (RuntimeException e) {
          continue; // a Backup outside Velero's model counts, but has no usable time
        }
        Instant completion = backup.getStatus().getCompletionTimestamp();
        if (completion != null) {
          lastSuccess.merge(BackupListener.scheduleOf(backup), completion, MetricsResync::newer);
        }
      }
      lastSuccess.forEach(listener::lastSuccessfulBackup);
    } catch (RuntimeException e) {
      LOG.warn("backup metrics resync failed: {}", e.getMessage());
    }
  }

  private static Instant newer(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
