package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupProgress;
import io.stowage.api.ProgressListener;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code status.progress} ({@code totalItems}, {@code itemsBackedUp}) of a running backup
 * each time the backupper reports, which it does at most once a second. A failed write is a warning
 * only. Remembers the resourceVersion each write returns, for the final, conditional write.
 */
final class ProgressPatcher implements ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressPatcher.class);

  private final BackupResources resources;
  private final String name;
  private final AtomicReference<String> resourceVersion;

  ProgressPatcher(BackupResources resources, String name, String resourceVersion) {
    this.resources = requireNonNull(resources, "resources is null");
    this.name = requireNonNull(name, "name is null");
    this.resourceVersion = new AtomicReference<>(resourceVersion);
  }

  @Override
  public void onProgress(BackupProgress progress) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    ObjectNode node = status.putObject("progress");
    node.put("totalItems", progress.totalItems());
    node.put("itemsBackedUp", progress.itemsBackedUp());
    try {
      GenericKubernetesResource patched = resources.patchStatus(name, null, status);
      resourceVersion.set(patched.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot write the progress of backup {}/{}: {}",
          resources.namespace(),
          name,
          e.getMessage());
    }
  }

  /** The resourceVersion after the last successful write (or the one given at the start). */
  String resourceVersion() {
    return resourceVersion.get();
  }
}
