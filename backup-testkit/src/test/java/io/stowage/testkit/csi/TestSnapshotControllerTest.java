package io.stowage.testkit.csi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestSnapshotControllerTest {
  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void startServer() {
    k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
    client = k8s.client();
  }

  @AfterAll
  static void stopServer() {
    k8s.close();
  }

  @BeforeEach
  void seed() {
    k8s.reset();
    SnapshotCrds.install(k8s);
    k8s.seed(
        new NamespaceBuilder().withNewMetadata().withName("app").endMetadata().build(),
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName("pv-1")
            .endMetadata()
            .withNewSpec()
            .addToCapacity("storage", new Quantity("2Gi"))
            .withNewCsi()
            .withDriver("hostpath.csi.k8s.io")
            .withVolumeHandle("vol-123")
            .endCsi()
            .endSpec()
            .build(),
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("data")
            .withNamespace("app")
            .endMetadata()
            .withNewSpec()
            .withVolumeName("pv-1")
            .withStorageClassName("fast")
            .endSpec()
            .withNewStatus()
            .withPhase("Bound")
            .endStatus()
            .build(),
        snapshotClass("csi-class", "hostpath.csi.k8s.io", "Delete"));
  }

  @Test
  void crdsAreServedWithTheirScopes() {
    assertThat(client.getApiResources(SnapshotCrds.API_VERSION).getResources())
        .extracting(r -> r.getName() + ":" + r.getNamespaced())
        .contains(
            "volumesnapshots:true",
            "volumesnapshotcontents:false",
            "volumesnapshotclasses:false",
            "volumesnapshots/status:true",
            "volumesnapshotcontents/status:false");
  }

  @Test
  void bindsANewSnapshotWithAContentAndStatuses() {
    try (TestSnapshotController controller = TestSnapshotController.start(k8s)) {
      GenericKubernetesResource created = createSnapshot("snap-1");
      String uid = created.getMetadata().getUid();

      GenericKubernetesResource bound = awaitBound("snap-1");
      Map<String, Object> status = map(bound.getAdditionalProperties().get("status"));
      assertThat(status)
          .containsEntry("boundVolumeSnapshotContentName", "snapcontent-" + uid)
          .containsEntry("readyToUse", true)
          .containsEntry("restoreSize", "2Gi");
      assertThat(Instant.parse((String) status.get("creationTime")))
          .isBeforeOrEqualTo(Instant.now());

      GenericKubernetesResource content =
          client
              .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
              .withName("snapcontent-" + uid)
              .get();
      Map<String, Object> spec = map(content.getAdditionalProperties().get("spec"));
      assertThat(spec)
          .containsEntry("driver", "hostpath.csi.k8s.io")
          .containsEntry("deletionPolicy", "Delete")
          .containsEntry("volumeSnapshotClassName", "csi-class")
          .containsEntry("source", Map.of("volumeHandle", "vol-123"));
      assertThat(map(spec.get("volumeSnapshotRef")))
          .containsEntry("name", "snap-1")
          .containsEntry("namespace", "app")
          .containsEntry("uid", uid);
      Map<String, Object> contentStatus = map(content.getAdditionalProperties().get("status"));
      assertThat(contentStatus)
          .containsEntry("snapshotHandle", "snapshot-" + uid)
          .containsEntry("readyToUse", true);
      assertThat(((Number) contentStatus.get("restoreSize")).longValue()).isEqualTo(2L << 30);
      assertThat(((Number) contentStatus.get("creationTime")).longValue()).isPositive();
      assertThat(controller.boundCount()).isEqualTo(1);
    }
  }

  @Test
  void statusIsASubresourceAMainWriteDoesNotTouch() {
    try (TestSnapshotController controller = TestSnapshotController.start(k8s)) {
      createSnapshot("snap-1");
      awaitBound("snap-1");
    }
    client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
        .inNamespace("app")
        .withName("snap-1")
        .edit(
            s -> {
              s.getMetadata().setLabels(Map.of("touched", "yes"));
              s.setAdditionalProperty("status", Map.of("readyToUse", false));
              return s;
            });
    GenericKubernetesResource after = snapshot("snap-1");
    assertThat(after.getMetadata().getLabels()).containsEntry("touched", "yes");
    assertThat(map(after.getAdditionalProperties().get("status")))
        .containsEntry("readyToUse", true);
  }

  @Test
  void leavesMatchingSnapshotsUnboundAndHonoursTheDelay() {
    try (TestSnapshotController controller =
        TestSnapshotController.on(k8s)
            .leaveUnbound(s -> s.getMetadata().getName().startsWith("stuck"))
            .delay(Duration.ofMillis(300))
            .start()) {
      long start = System.nanoTime();
      createSnapshot("stuck-1");
      createSnapshot("late-1");
      awaitBound("late-1");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
      sleep(300);
      assertThat(snapshot("stuck-1").getAdditionalProperties().get("status")).isNull();
    }
  }

  @Test
  void notReadySnapshotsAreBoundWithReadyToUseFalse() {
    try (TestSnapshotController controller =
        TestSnapshotController.on(k8s).notReady(s -> true).start()) {
      createSnapshot("snap-1");
      GenericKubernetesResource bound = awaitBound("snap-1");
      assertThat(map(bound.getAdditionalProperties().get("status")))
          .containsEntry("readyToUse", false);
    }
  }

  @Test
  void deletingASnapshotDeletesItsContentWhenThePolicyIsDelete() {
    k8s.seed(snapshotClass("retain-class", "hostpath.csi.k8s.io", "Retain"));
    try (TestSnapshotController controller = TestSnapshotController.start(k8s)) {
      String deleted = createSnapshot("snap-delete", "csi-class").getMetadata().getUid();
      String retained = createSnapshot("snap-retain", "retain-class").getMetadata().getUid();
      awaitBound("snap-delete");
      awaitBound("snap-retain");
      client
          .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
          .inNamespace("app")
          .withName("snap-delete")
          .delete();
      client
          .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
          .inNamespace("app")
          .withName("snap-retain")
          .delete();
      await(() -> content("snapcontent-" + deleted) == null);
      sleep(200);
      assertThat(content("snapcontent-" + retained)).isNotNull();
    }
  }

  private static GenericKubernetesResource snapshotClass(
      String name, String driver, String deletionPolicy) {
    GenericKubernetesResource vsClass = new GenericKubernetesResource();
    vsClass.setApiVersion(SnapshotCrds.API_VERSION);
    vsClass.setKind("VolumeSnapshotClass");
    vsClass.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    vsClass.getMetadata().setName(name);
    vsClass.setAdditionalProperty("driver", driver);
    vsClass.setAdditionalProperty("deletionPolicy", deletionPolicy);
    return vsClass;
  }

  private static GenericKubernetesResource createSnapshot(String name) {
    return createSnapshot(name, "csi-class");
  }

  private static GenericKubernetesResource createSnapshot(String name, String className) {
    GenericKubernetesResource snapshot = new GenericKubernetesResource();
    snapshot.setApiVersion(SnapshotCrds.API_VERSION);
    snapshot.setKind("VolumeSnapshot");
    snapshot.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    snapshot.getMetadata().setName(name);
    snapshot.getMetadata().setNamespace("app");
    snapshot.setAdditionalProperty(
        "spec",
        Map.of(
            "source",
            Map.of("persistentVolumeClaimName", "data"),
            "volumeSnapshotClassName",
            className));
    return client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
        .inNamespace("app")
        .resource(snapshot)
        .create();
  }

  private static GenericKubernetesResource snapshot(String name) {
    return client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
        .inNamespace("app")
        .withName(name)
        .get();
  }

  private static GenericKubernetesResource content(String name) {
    return client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
        .withName(name)
        .get();
  }

  private static GenericKubernetesResource awaitBound(String name) {
    await(
        () ->
            !String.valueOf(
                    map(snapshot(name).getAdditionalProperties().get("status"))
                        .get("boundVolumeSnapshotContentName"))
                .equals("null"));
    return snapshot(name);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10s");
      }
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
