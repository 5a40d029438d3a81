package io.stowage.k8s.controller;

import static io.stowage.k8s.controller.ControllerHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class BackupControllerTest {
  @TempDir Path root;
  private ControllerHarness cluster;
  private final List<BackupController> controllers = new ArrayList<>();

  @BeforeEach
  void startCluster() {
    cluster = new ControllerHarness(root);
  }

  @AfterEach
  void stopAll() {
    controllers.forEach(ControllerHarness::stopSettled);
    cluster.close();
  }

  private BackupController start(BackupController.Builder builder) {
    BackupController controller = builder.build();
    controllers.add(controller);
    controller.start();
    return controller;
  }

  @Test
  void backupCreatedOverHttpReachesCompletedWithItsStatusAndFilesInTheStore() throws Exception {
    start(cluster.controller("a").service(cluster.service()));

    cluster.createBackup("nightly", spec -> spec.setIncludedNamespaces(List.of("shop")));

    Backup backup = cluster.awaitPhase("nightly", BackupPhase.COMPLETED);
    BackupStatus status = backup.getStatus();
    assertThat(status.getVersion()).isEqualTo(1);
    assertThat(status.getFormatVersion()).isEqualTo("1.1.0");
    assertThat(status.getStartTimestamp()).isNotNull();
    assertThat(status.getCompletionTimestamp()).isAfterOrEqualTo(status.getStartTimestamp());
    // Expiration is the preparation time + the default TTL; preparation comes just before start.
    assertThat(status.getExpiration())
        .isBetween(
            status.getStartTimestamp().plus(Duration.ofHours(720)).minusSeconds(2),
            status.getStartTimestamp().plus(Duration.ofHours(720)));
    assertThat(status.getProgress().getTotalItems()).isEqualTo(4);
    assertThat(status.getProgress().getItemsBackedUp()).isEqualTo(4);
    assertThat(status.getErrors()).isZero();
    assertThat(status.getWarnings()).isZero();
    assertThat(status.getFailureReason()).isNull();
    assertThat(status.getValidationErrors()).isEmpty();
    // The prepared spec, labels and annotations were written back.
    assertThat(backup.getSpec().getTtl()).isEqualTo(GoDuration.ofHours(720));
    assertThat(backup.getSpec().getStorageLocation()).isEqualTo("default");
    assertThat(backup.getMetadata().getLabels())
        .containsEntry("velero.io/storage-location", "default");
    assertThat(backup.getMetadata().getAnnotations())
        .containsKeys("velero.io/source-cluster-k8s-gitversion", "velero.io/resource-timeout");

    assertThat(cluster.storedBackups()).containsExactly("nightly");
    assertThat(cluster.storedFile("nightly", "nightly.tar.gz")).isNotEmptyFile();
    assertThat(cluster.storedFile("nightly", "nightly-logs.gz")).isNotEmptyFile();
    try (InputStream in =
        Files.newInputStream(cluster.storedFile("nightly", "velero-backup.json"))) {
      Backup stored = VeleroJson.readBackup(in);
      assertThat(stored.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
      assertThat(stored.getStatus().getStartTimestamp()).isEqualTo(status.getStartTimestamp());
    }
  }

  @Test
  void backupNamingAMissingLocationFailsValidationWithVelerosMessage() {
    start(cluster.controller("a").service(cluster.service()));

    cluster.createBackup("lost", spec -> spec.setStorageLocation("nowhere"));

    Backup backup = cluster.awaitPhase("lost", BackupPhase.FAILED_VALIDATION);
    assertThat(backup.getStatus().getValidationErrors())
        .containsExactly(
            "an existing backup storage location was not specified at backup creation time and"
                + " the default nowhere was not found. Please address this issue (see `velero"
                + " backup-location -h` for options) and create a new backup. Error:"
                + " backupstoragelocations.velero.io \"nowhere\" not found");
    assertThat(backup.getStatus().getStartTimestamp()).isNull();
    assertThat(backup.getStatus().getCompletionTimestamp()).isNull();
    assertThat(cluster.storedBackups()).isEmpty();
  }

  @Test
  void backupWhoseNamespacesOverlapARunningOneIsProcessedAfterIt() {
    ControllerHarness.Gate gate = new ControllerHarness.Gate();
    start(cluster.controller("a").workers(2).service(cluster.service(gate)));

    cluster.createBackup("first", spec -> spec.setIncludedNamespaces(List.of("shop")));
    awaitTrue(() -> gate.entered("first"), "first backup running");
    cluster.createBackup("second", spec -> spec.setIncludedNamespaces(List.of("shop")));
    // A free worker looks at it and leaves it New: its namespaces overlap the running backup.
    sleep(Duration.ofMillis(700));
    assertThat(BackupEvents.phaseOf(cluster.backups.get("second").orElseThrow())).isEmpty();
    assertThat(gate.entered("second")).isFalse();

    gate.open();

    Backup first = cluster.awaitPhase("first", BackupPhase.COMPLETED);
    Backup second = cluster.awaitPhase("second", BackupPhase.COMPLETED);
    assertThat(second.getStatus().getStartTimestamp())
        .isAfterOrEqualTo(first.getStatus().getCompletionTimestamp());
    assertThat(cluster.storedBackups()).containsExactly("first", "second");
  }

  @Test
  void backupLeftInProgressBeforeStartEndsFailed() {
    cluster.createBackup("orphan", spec -> {});
    GenericKubernetesResource created = cluster.backups.get("orphan").orElseThrow();
    cluster
        .backups
        .operations()
        .withName("orphan")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"phase\":\"InProgress\",\"startTimestamp\":\"2026-01-02T03:04:05Z\"}}");
    assertThat(created).isNotNull();

    start(cluster.controller("a").service(cluster.service()));

    Backup backup = cluster.awaitPhase("orphan", BackupPhase.FAILED);
    assertThat(backup.getStatus().getFailureReason())
        .isEqualTo(
            "backup was InProgress when the Stowage server that ran it stopped; it did not"
                + " finish");
    assertThat(backup.getStatus().getCompletionTimestamp()).isNotNull();
    assertThat(cluster.storedBackups()).isEmpty();
  }

  @Test
  void twoReplicasOnOneLeaseProcessEachBackupExactlyOnce() {
    BackupMetrics metricsA = BackupMetrics.prometheus();
    BackupMetrics metricsB = BackupMetrics.prometheus();
    BackupController a =
        start(cluster.controller("a").service(cluster.service()).listener(metricsA));
    BackupController b =
        start(cluster.controller("b").service(cluster.service()).listener(metricsB));
    awaitTrue(() -> a.isProcessing() || b.isProcessing(), "a leader");

    for (int i = 0; i < 4; i++) {
      cluster.createBackup("b-" + i, spec -> spec.setIncludedNamespaces(List.of("shop")));
    }
    for (int i = 0; i < 4; i++) {
      cluster.awaitPhase("b-" + i, BackupPhase.COMPLETED);
    }
    assertThat(a.isProcessing() && b.isProcessing()).isFalse();
    assertThat(attempts(metricsA) + attempts(metricsB)).isEqualTo(4);
    assertThat(cluster.storedBackups()).containsExactly("b-0", "b-1", "b-2", "b-3");

    // The leader stops; the other replica takes over and processes what comes next.
    BackupController leader = a.isProcessing() ? a : b;
    BackupController follower = leader == a ? b : a;
    ControllerHarness.stopSettled(leader);
    cluster.createBackup("after", spec -> spec.setIncludedNamespaces(List.of("shop")));
    cluster.awaitPhase("after", BackupPhase.COMPLETED);
    assertThat(follower.isProcessing()).isTrue();
    assertThat(attempts(metricsA) + attempts(metricsB)).isEqualTo(5);
  }

  @Test
  void twoLoopsWithoutElectionStillRunEachBackupOnceThroughOptimisticConcurrency() {
    BackupMetrics metricsA = BackupMetrics.prometheus();
    BackupMetrics metricsB = BackupMetrics.prometheus();
    start(
        cluster
            .controller("a")
            .withoutLeaderElection()
            .workers(2)
            .service(cluster.service())
            .listener(metricsA));
    start(
        cluster
            .controller("b")
            .withoutLeaderElection()
            .workers(2)
            .service(cluster.service())
            .listener(metricsB));

    for (int i = 0; i < 4; i++) {
      String namespace = i % 2 == 0 ? "shop" : "kube-system";
      cluster.createBackup("race-" + i, spec -> spec.setIncludedNamespaces(List.of(namespace)));
    }
    for (int i = 0; i < 4; i++) {
      cluster.awaitPhase("race-" + i, BackupPhase.COMPLETED);
    }

    assertThat(attempts(metricsA) + attempts(metricsB)).isEqualTo(4);
    assertThat(cluster.storedBackups()).containsExactly("race-0", "race-1", "race-2", "race-3");
  }

  @Test
  void statusGoesIntoTheObjectWhenTheCrdHasNoStatusSubresource() {
    // Velero's own Backup CRD declares no status subresource.
    io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd =
        CrdInstaller.definitions(cluster.client).get(0);
    crd.getSpec().getVersions().get(0).setSubresources(null);
    cluster
        .client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .delete();
    awaitTrue(
        () ->
            cluster
                    .client
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .get()
                == null,
        "the CRD to go");
    cluster.client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    start(cluster.controller("a").service(cluster.service()));

    cluster.createBackup("plain", spec -> spec.setIncludedNamespaces(List.of("shop")));

    Backup backup = cluster.awaitPhase("plain", BackupPhase.COMPLETED);
    assertThat(backup.getStatus().getProgress().getItemsBackedUp()).isEqualTo(4);
    assertThat(cluster.storedBackups()).containsExactly("plain");
  }

  @Test
  void backupThatCannotBeStartedIsRetriedThenMarkedFailed() {
    start(
        cluster
            .controller("a")
            .service(cluster.serviceThatCannotPrepare())
            .retries(Duration.ofMillis(20), Duration.ofMillis(100), 3));

    cluster.createBackup("stuck", spec -> {});

    Backup backup = cluster.awaitPhase("stuck", BackupPhase.FAILED);
    assertThat(backup.getStatus().getFailureReason())
        .isEqualTo(
            "Stowage could not start the backup after 3 attempts: the API server does not answer");
  }

  @Test
  void completedBackupIsNotQueued() {
    cluster.createBackup("done", spec -> {});
    cluster
        .backups
        .operations()
        .withName("done")
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Completed\"}}");
    String version = cluster.backups.get("done").orElseThrow().getMetadata().getResourceVersion();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger counted = new AtomicInteger(-1);
    BackupListener listener =
        new BackupListener() {
          @Override
          public void backupStarted(Backup backup) {
            started.incrementAndGet();
          }

          @Override
          public void backupCount(int count) {
            counted.set(count);
          }
        };

    start(cluster.controller("a").service(cluster.service()).listener(listener));

    awaitTrue(() -> counted.get() == 1, "a resync that sees the Backup");
    assertThat(cluster.backups.get("done").orElseThrow().getMetadata().getResourceVersion())
        .isEqualTo(version);
    assertThat(started).hasValue(0);
  }

  @Test
  void stopMarksABackupStillRunningAfterTheBoundFailed() {
    ControllerHarness.Gate gate = new ControllerHarness.Gate();
    BackupController controller = start(cluster.controller("a").service(cluster.service(gate)));
    cluster.createBackup("slow", spec -> spec.setIncludedNamespaces(List.of("shop")));
    awaitTrue(() -> gate.entered("slow"), "slow backup running");

    boolean finished = controller.stop(Duration.ofMillis(300));

    assertThat(finished).isFalse();
    Backup backup = cluster.awaitPhase("slow", BackupPhase.FAILED);
    assertThat(backup.getStatus().getFailureReason())
        .isEqualTo("the Stowage server stopped before the backup finished (it waited 0s for it)");
    assertThat(backup.getStatus().getCompletionTimestamp()).isNotNull();
    assertThat(controller.runningBackups()).isZero();
  }

  @Test
  void replicaThatLosesTheLeaseStopsTakingWorkAndCampaignsAgain() {
    BackupController controller = start(cluster.controller("a").service(cluster.service()));
    awaitTrue(controller::isProcessing, "leadership");

    // Someone else takes the Lease (as if this replica had not renewed in time); the leader
    // renews concurrently, so a write may lose the race (409) and is made again.
    awaitTrue(this::stealLease, "the lease taken by an intruder");
    awaitTrue(() -> !controller.isProcessing(), "the replica to stop processing");
    cluster.createBackup("meanwhile", spec -> spec.setIncludedNamespaces(List.of("shop")));
    sleep(Duration.ofMillis(500));
    assertThat(BackupEvents.phaseOf(cluster.backups.get("meanwhile").orElseThrow())).isEmpty();

    // The intruder never renews; its lease expires and this replica leads again.
    cluster.awaitPhase("meanwhile", BackupPhase.COMPLETED);
    assertThat(controller.isProcessing()).isTrue();
  }

  @Test
  void backupOutsideVelerosModelFailsValidation() {
    start(cluster.controller("a").service(cluster.service()));
    GenericKubernetesResource bad =
        cluster
            .client
            .getKubernetesSerialization()
            .unmarshal(
                "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\",\"metadata\":{\"name\":"
                    + "\"bad\",\"namespace\":\"velero\"},\"spec\":{\"ttl\":\"soon\"}}",
                GenericKubernetesResource.class);
    cluster.backups.operations().resource(bad).create();

    awaitTrue(
        () ->
            cluster
                .backups
                .get("bad")
                .map(b -> "FailedValidation".equals(BackupEvents.phaseOf(b)))
                .orElse(false),
        "bad in FailedValidation");
    Object status =
        cluster.backups.get("bad").orElseThrow().getAdditionalProperties().get("status");
    assertThat(status)
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .extractingByKey("validationErrors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .singleElement()
        .asString()
        .startsWith("invalid Backup: invalid Backup JSON: ")
        .contains("invalid duration \"soon\"");
  }

  private boolean stealLease() {
    try {
      cluster
          .client
          .leases()
          .inNamespace(ControllerHarness.NAMESPACE)
          .withName(LeaderElectionSettings.DEFAULT_LEASE_NAME)
          .edit(
              (Lease lease) -> {
                lease.getSpec().setHolderIdentity("intruder");
                lease.getSpec().setRenewTime(ZonedDateTime.now());
                return lease;
              });
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw e;
    }
  }

  private static double attempts(BackupMetrics metrics) {
    return metrics.registry().get(BackupMetrics.ATTEMPT_TOTAL).counter().count();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
