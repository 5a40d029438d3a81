package io.stowage.k8s.controller;

import static io.stowage.k8s.controller.BackupExecution.is;
import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.prepare.LocationCatalog;
import io.stowage.core.prepare.Preparation;
import io.stowage.core.run.BackupService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code processBackup} for one key (facts §7.2, with the Stowage decision of §7.1: New
 * goes straight to InProgress):
 *
 * <ol>
 *   <li>read the Backup again; stop unless its phase is {@code ""} or {@code New};
 *   <li>wait (without writing) while a running backup's namespaces overlap its own;
 *   <li>prepare and validate through {@link BackupService#prepare};
 *   <li>write the prepared spec, labels and annotations, then the status: {@code FailedValidation}
 *       with every message, or {@code InProgress} with the start time. Both writes carry the
 *       resourceVersion read, so a 409 means another worker or replica took the Backup: it is left
 *       to them, without error;
 *   <li>run it ({@link BackupExecution}), which writes progress and the final status.
 * </ol>
 *
 * <p>An exception before the Backup is InProgress propagates, and the caller retries the key with
 * back-off; {@link #giveUp} ends a Backup that could not be started after the last attempt. Once
 * InProgress, nothing propagates: the run always ends in a final status.
 */
final class BackupProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BackupProcessor.class);

  /** What one call did; for logs and tests. */
  enum Outcome {
    /** The Backup no longer exists. */
    GONE,
    /** The Backup is not New (already processed, or in a phase Stowage leaves alone). */
    NOT_NEW,
    /** It overlaps a running backup; it is queued again when that one ends. */
    WAITING,
    /** Another worker or replica changed it first (409). */
    TAKEN,
    /** Written FailedValidation. */
    FAILED_VALIDATION,
    /** Ran to a final status. */
    RAN
  }

  private final BackupResources resources;
  private final BackupService service;
  private final LocationCatalog locations;
  private final RunningBackups tracker;
  private final BackupExecution execution;
  private final BackupListener listener;
  private final Clock clock;

  BackupProcessor(
      BackupResources resources,
      BackupService service,
      LocationCatalog locations,
      RunningBackups tracker,
      BackupExecution execution,
      BackupListener listener,
      Clock clock) {
    this.resources = requireNonNull(resources, "resources is null");
    this.service = requireNonNull(service, "service is null");
    this.locations = requireNonNull(locations, "locations is null");
    this.tracker = requireNonNull(tracker, "tracker is null");
    this.execution = requireNonNull(execution, "execution is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Processes one key; see the class comment. */
  Outcome process(BackupKey key) {
    Optional<GenericKubernetesResource> found = resources.get(key.name());
    if (found.isEmpty()) {
      return Outcome.GONE;
    }
    GenericKubernetesResource current = found.get();
    if (!BackupEvents.isNew(current)) {
      return Outcome.NOT_NEW;
    }
    Backup backup;
    try {
      backup = resources.toBackup(current);
    } catch (BackupException e) {
      if (e.errorCode() != StandardErrorCode.INVALID_ARGUMENT) {
        throw e;
      }
      return rejectMalformed(key, current, e);
    }
    if (!tracker.tryStart(key, NamespaceScope.of(backup.getSpec()))) {
      LOG.info("backup {} waits: its namespaces overlap a running backup", key);
      return Outcome.WAITING;
    }
    boolean running = false;
    try {
      Preparation preparation = service.prepare(backup, locations);
      Backup prepared = preparation.backup();
      String version;
      try {
        version =
            resources
                .patchMetadataAndSpec(
                    key.name(), current.getMetadata().getResourceVersion(), prepared)
                .getMetadata()
                .getResourceVersion();
      } catch (BackupException e) {
        return takenOrThrow(key, e);
      }
      if (!preparation.valid()) {
        try {
          resources.patchStatus(key.name(), version, prepared.getStatus());
        } catch (BackupException e) {
          return takenOrThrow(key, e);
        }
        LOG.info(
            "backup {} failed validation: {}",
            key,
            String.join("; ", preparation.validationErrors()));
        listener.validationFailed(prepared);
        return Outcome.FAILED_VALIDATION;
      }
      BackupStatus status = prepared.getStatus();
      status.setPhase(BackupPhase.IN_PROGRESS);
      status.setStartTimestamp(clock.instant());
      String inProgressVersion;
      try {
        inProgressVersion = markInProgress(key, version, status);
      } catch (BackupException e) {
        return takenOrThrow(key, e);
      }
      running = true;
      LOG.info("backup {} is InProgress", key);
      listener.backupStarted(prepared);
      execution.execute(
          key,
          new Preparation(
              prepared, List.of(), preparation.storageLocation(), preparation.snapshotLocations()),
          inProgressVersion);
      return Outcome.RAN;
    } finally {
      if (!running) {
        tracker.finish(key);
      }
    }
  }

  /**
   * Ends a Backup that could not be started after the last attempt: Failed, with the last error as
   * reason; conditional, and only while it is still New.
   */
  void giveUp(BackupKey key, RuntimeException last, int attempts) {
    Optional<GenericKubernetesResource> current = resources.get(key.name());
    if (current.isEmpty() || !BackupEvents.isNew(current.get())) {
      return;
    }
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("phase", BackupPhase.FAILED.value());
    status.put(
        "failureReason",
        "Stowage could not start the backup after "
            + attempts
            + " attempts: "
            + BackupExecution.describe(last));
    status.put("completionTimestamp", VeleroJson.formatTime(clock.instant()));
    try {
      resources.patchStatus(key.name(), current.get().getMetadata().getResourceVersion(), status);
      LOG.error("backup {} marked Failed after {} attempts to start it", key, attempts);
    } catch (BackupException e) {
      if (!is(e, StandardErrorCode.CONFLICT)) {
        throw e;
      }
    }
  }

  /**
   * Writes InProgress. When the write fails with no answer as to whether it was applied, reads the
   * Backup again: if it is InProgress with this start time, the write went through.
   */
  private String markInProgress(BackupKey key, String version, BackupStatus status) {
    try {
      return resources.patchStatus(key.name(), version, status).getMetadata().getResourceVersion();
    } catch (BackupException e) {
      if (is(e, StandardErrorCode.CONFLICT) || is(e, StandardErrorCode.NOT_FOUND)) {
        throw e;
      }
      Optional<GenericKubernetesResource> current = resources.get(key.name());
      if (current.isPresent() && startedBy(current.get(), status.getStartTimestamp())) {
        return current.get().getMetadata().getResourceVersion();
      }
      throw e;
    }
  }

  private static boolean startedBy(GenericKubernetesResource backup, Instant start) {
    Object status = backup.getAdditionalProperties().get("status");
    return BackupPhase.IN_PROGRESS.value().equals(BackupEvents.phaseOf(backup))
        && status instanceof Map<?, ?> map
        && VeleroJson.formatTime(start).equals(map.get("startTimestamp"));
  }

  private Outcome takenOrThrow(BackupKey key, BackupException e) {
    if (is(e, StandardErrorCode.CONFLICT)) {
      LOG.info("backup {} changed since it was read; another worker or replica has it", key);
      return Outcome.TAKEN;
    }
    if (is(e, StandardErrorCode.NOT_FOUND)) {
      return Outcome.GONE;
    }
    throw e;
  }

  /** A Backup that does not fit Velero's model (bad phase, bad duration) cannot be run. */
  private Outcome rejectMalformed(
      BackupKey key, GenericKubernetesResource current, BackupException e) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("phase", BackupPhase.FAILED_VALIDATION.value());
    status.putArray("validationErrors").add("invalid Backup: " + e.getMessage());
    try {
      resources.patchStatus(key.name(), current.getMetadata().getResourceVersion(), status);
    } catch (BackupException patchFailure) {
      return takenOrThrow(key, patchFailure);
    }
    LOG.info("backup {} failed validation: {}", key, e.getMessage());
    Backup stub = new Backup();
    stub.getMetadata().setNamespace(key.namespace());
    stub.getMetadata().setName(key.name());
    if (current.getMetadata().getLabels() != null) {
      stub.getMetadata().getLabels().putAll(current.getMetadata().getLabels());
    }
    stub.getStatus().setPhase(BackupPhase.FAILED_VALIDATION);
    listener.validationFailed(stub);
    return Outcome.FAILED_VALIDATION;
  }
}
