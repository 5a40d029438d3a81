package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupProgress;
import io.stowage.api.velero.v1.VeleroJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Creates a {@code velero.io/v1} Backup in a cluster and follows it until a server (a {@link
 * io.stowage.k8s.controller.BackupController} or Velero itself) has finished it, showing its {@code
 * status.progress} on the way. Reads the Backup every {@value #POLL_MILLIS} ms: the server writes
 * progress at most once a second, so this sees every change.
 */
final class BackupWatch {
  static final ResourceDefinitionContext BACKUPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withPlural("backups")
          .withKind("Backup")
          .withNamespaced(true)
          .build();

  private static final long POLL_MILLIS = 200;

  private final KubernetesClient client;

  BackupWatch(KubernetesClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * Creates {@code backup} (a new object: no status) in its namespace.
   *
   * @throws BackupException {@link StandardErrorCode#NOT_FOUND} when the cluster does not know
   *     {@code backups.velero.io}, {@link StandardErrorCode#ALREADY_EXISTS} when the Backup exists
   */
  void create(Backup backup) {
    String namespace = backup.getMetadata().getNamespace();
    String name = backup.getMetadata().getName();
    GenericKubernetesResource resource =
        client
            .getKubernetesSerialization()
            .unmarshal(
                new String(VeleroJson.writeCompact(backup), StandardCharsets.UTF_8),
                GenericKubernetesResource.class);
    try {
      client.genericKubernetesResources(BACKUPS).inNamespace(namespace).resource(resource).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new BackupException(
            StandardErrorCode.NOT_FOUND,
            "the cluster does not serve backups.velero.io in namespace "
                + namespace
                + ": install Velero's CRDs ('stowage server' does at start) and create the"
                + " namespace",
            e);
      }
      if (e.getCode() == 409) {
        throw new BackupException(
            StandardErrorCode.ALREADY_EXISTS,
            "Backup " + namespace + "/" + name + " already exists in the cluster",
            e);
      }
      throw e;
    }
  }

  /**
   * Waits until the Backup reaches a terminal phase (Completed, PartiallyFailed, Failed,
   * FailedValidation) and answers it as it is then.
   *
   * @param display where progress goes; finished before this returns or throws
   * @param timeout how long to wait at most; {@code null} waits as long as it takes
   * @throws BackupException {@link StandardErrorCode#NOT_FOUND} when the Backup is deleted, {@link
   *     StandardErrorCode#TIMEOUT} when it is not finished in time (it goes on in the server)
   */
  Backup awaitFinished(String namespace, String name, ProgressDisplay display, Duration timeout)
      throws InterruptedException {
    Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
    try {
      while (true) {
        GenericKubernetesResource resource;
        try {
          resource =
              client
                  .genericKubernetesResources(BACKUPS)
                  .inNamespace(namespace)
                  .withName(name)
                  .get();
        } catch (KubernetesClientException e) {
          // One failed poll (an API server restart, a dropped connection) does not end a wait
          // that may last hours: the server goes on with the backup, so ask again later.
          if (deadline != null && Instant.now().isAfter(deadline)) {
            throw e;
          }
          Thread.sleep(POLL_MILLIS);
          continue;
        }
        if (resource == null) {
          throw new BackupException(
              StandardErrorCode.NOT_FOUND,
              "Backup " + namespace + "/" + name + " was deleted while it was being waited for");
        }
        Backup backup = VeleroJson.readBackup(client.getKubernetesSerialization().asJson(resource));
        BackupProgress progress = backup.getStatus().getProgress();
        if (progress != null) {
          display.update(progress.getItemsBackedUp(), progress.getTotalItems());
        }
        if (backup.getStatus().phaseOrNew().isTerminal()) {
          return backup;
        }
        if (deadline != null && Instant.now().isAfter(deadline)) {
          throw new BackupException(
              StandardErrorCode.TIMEOUT,
              "Backup "
                  + namespace
                  + "/"
                  + name
                  + " is still "
                  + backup.getStatus().phaseOrNew()
                  + " after "
                  + timeout.toSeconds()
                  + "s");
        }
        Thread.sleep(POLL_MILLIS);
      }
    } finally {
      display.finish();
    }
  }
}
