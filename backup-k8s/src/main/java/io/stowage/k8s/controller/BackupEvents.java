package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Informer events to work: a Backup added or updated (resync included) while its phase is {@code
 * ""} or {@code New} is queued by key; any other phase and deletions queue nothing.
 */
final class BackupEvents implements ResourceEventHandler<GenericKubernetesResource> {
  private final Consumer<BackupKey> queue;

  BackupEvents(Consumer<BackupKey> queue) {
    this.queue = requireNonNull(queue, "queue is null");
  }

  @Override
  public void onAdd(GenericKubernetesResource backup) {
    offer(backup);
  }

  @Override
  public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource backup) {
    offer(backup);
  }

  @Override
  public void onDelete(GenericKubernetesResource backup, boolean finalStateUnknown) {}

  private void offer(GenericKubernetesResource backup) {
    if (isNew(backup)) {
      queue.accept(keyOf(backup));
    }
  }

  static BackupKey keyOf(GenericKubernetesResource backup) {
    return new BackupKey(backup.getMetadata().getNamespace(), backup.getMetadata().getName());
  }

  /** The raw {@code status.phase}, {@code ""} when there is none. */
  static String phaseOf(GenericKubernetesResource backup) {
    Object status = backup.getAdditionalProperties().get("status");
    if (status instanceof Map<?, ?> map && map.get("phase") instanceof String phase) {
      return phase;
    }
    return "";
  }

  /** {@code true} for phase {@code ""} or {@code New}: Velero treats both as not processed yet. */
  static boolean isNew(GenericKubernetesResource backup) {
    String phase = phaseOf(backup);
    return phase.isEmpty() || "New".equals(phase);
  }
}
