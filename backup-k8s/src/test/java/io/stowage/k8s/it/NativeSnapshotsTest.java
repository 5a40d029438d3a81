package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.object;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.pvc;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupItem;
import io.stowage.api.ProgressListener;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.PluginProvider;
import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.api.velero.v1.SecretKeySelector;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.api.velero.v1.VeleroResource;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.plugin.PluginKind;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.ClusterLocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.controller.CrdInstaller;
import io.stowage.k8s.it.BackupFixture.Run;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import io.stowage.testkit.snapshot.RecordingVolumeSnapshotterProvider;
import io.stowage.testkit.snapshot.SnapshotLedger;
import io.stowage.testkit.snapshot.TakenSnapshot;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import io.stowage.testkit.store.SharedStoreProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * Native volume snapshots end to end (facts §6.9): a VolumeSnapshotLocation for the testkit's
 * {@code stowage.io/testkit} provider in the {@code velero} namespace, a pod whose PVC is bound to
 * a PV, and a backup run through {@link BackupServices#standard} (plugins from the class path) into
 * an in-memory store. What the snapshotter received is read from its {@link SnapshotLedger}.
 */
class NativeSnapshotsTest {
  private static final String VELERO = "velero";
  private static final String SHOP = "shop";
  private static final String BUCKET = "bucket";
  private static final String VSL = "testkit";

  private static EmbeddedKubernetes k8s;

  private InMemoryObjectBackupStore objects;
  private String ledgerName;
  private SnapshotLedger ledger;

  @BeforeAll
  static void startCluster() {
    k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
  }

  @AfterAll
  static void stopCluster() {
    k8s.close();
  }

  @BeforeEach
  void emptyCluster(TestInfo test) {
    k8s.reset();
    CrdInstaller.apply(k8s.client());
    objects = new InMemoryObjectBackupStore();
    ledgerName = "native-it-" + test.getTestMethod().orElseThrow().getName();
    ledger = SnapshotLedger.named(ledgerName);
    ledger.clear();
    k8s.seed(namespace(VELERO), namespace(SHOP));
    seedVelero(storageLocation());
  }

  @Test
  void aBoundVolumeIsSnapshottedAndRecordedInTheStore() {
    seedVelero(snapshotLocation(VSL, Map.of("volumeType", "ssd", "iops", "3000")));
    seedPodWithVolume("app", "data", "pv-data", "zone-a");

    Run run = backup(b -> b.getMetadata().setLabels(Map.of("team", "shop")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getVolumeSnapshotsAttempted()).isEqualTo(1);
    assertThat(run.status().getVolumeSnapshotsCompleted()).isEqualTo(1);
    assertThat(run.backup().getSpec().getVolumeSnapshotLocations()).containsExactly(VSL);
    assertThat(run.gunzipped(BackupFile.VOLUME_SNAPSHOTS))
        .isEqualTo(
            "[{\"spec\":{\"backupName\":\"nightly\",\"backupUID\":\"uid-nightly\","
                + "\"location\":\"testkit\",\"persistentVolumeName\":\"pv-data\","
                + "\"providerVolumeID\":\"/data/pv-data\",\"volumeType\":\"ssd\","
                + "\"volumeAZ\":\"zone-a\",\"volumeIOPS\":3000},"
                + "\"status\":{\"providerSnapshotID\":\""
                + ledgerName
                + "-snap-1\",\"phase\":\"Completed\"}}]\n");
    assertThat(ledger.snapshots())
        .containsExactly(
            new TakenSnapshot(
                ledgerName + "-snap-1",
                "/data/pv-data",
                "zone-a",
                // Every label of the prepared Backup, the storage-location label included.
                Map.of(
                    "team",
                    "shop",
                    "velero.io/storage-location",
                    "default",
                    "velero.io/backup",
                    "nightly",
                    "velero.io/pv",
                    "pv-data"),
                "ssd",
                3000L));
    assertThat(run.items())
        .contains(
            Paths.pv("pv-data"),
            Paths.ns("persistentvolumeclaims", SHOP, "data"),
            Paths.ns("pods", SHOP, "app"));
    JsonNode stored = VeleroJson.mapper().readTree(run.metadataText());
    assertThat(stored.path("status").path("volumeSnapshotsAttempted").asInt()).isEqualTo(1);
    assertThat(stored.path("status").path("volumeSnapshotsCompleted").asInt()).isEqualTo(1);
    assertThat(run.log())
        .contains("msg=\"Snapshotting persistent volume (persistent volume pv-data");
  }

  @Test
  void volumeInfoHasANativeSnapshotEntryAndASkippedEntryAsVeleroWritesThem() {
    // A location that knows only CSI volumes of one driver: the CSI PV gets a native snapshot
    // (no CSI plugin runs here), the hostPath PV is skipped.
    seedVelero(
        snapshotLocation(
            VSL, Map.of("driver", "disk.example.com", "volumeType", "ssd", "iops", "3000")));
    seedPod("app", "data");
    seedPod("cache", "scratch");
    k8s.seed(
        pvc(SHOP, "data", "pv-csi"),
        claimedPv(
            "pv-csi",
            "data",
            "Delete",
            Map.of("topology.kubernetes.io/zone", "zone-a", "tier", "gold"),
            Map.of("csi", Map.of("driver", "disk.example.com", "volumeHandle", "vol-123"))),
        pvc(SHOP, "scratch", "pv-host"),
        claimedPv("pv-host", "scratch", "Retain", null, Map.of("hostPath", Map.of("path", "/x"))));

    Run run = backup(b -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.gunzipped(BackupFile.VOLUME_INFO))
        .isEqualTo(
            "[{\"pvcName\":\"scratch\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-host\","
                + "\"snapshotDataMoved\":false,\"preserveLocalSnapshot\":false,\"skipped\":true,"
                + "\"skippedReason\":\"volumeSnapshot: no applicable volumesnapshotter found;\","
                + "\"pvInfo\":{\"reclaimPolicy\":\"Retain\",\"labels\":null}},"
                + "{\"pvcName\":\"data\",\"pvcNamespace\":\"shop\",\"pvName\":\"pv-csi\","
                + "\"backupMethod\":\"NativeSnapshot\",\"snapshotDataMoved\":false,"
                + "\"preserveLocalSnapshot\":false,\"skipped\":false,\"result\":\"succeeded\","
                + "\"nativeSnapshotInfo\":{\"snapshotHandle\":\""
                + ledgerName
                + "-snap-1\",\"volumeType\":\"ssd\",\"volumeAZ\":\"zone-a\",\"iops\":\"3000\","
                + "\"Phase\":\"Completed\"},\"pvInfo\":{\"reclaimPolicy\":\"Delete\","
                + "\"labels\":{\"tier\":\"gold\",\"topology.kubernetes.io/zone\":\"zone-a\"}}}]\n");
  }

  @Test
  void aVolumeExcludedByLabelOnItsClaimIsSkippedWithApproachAny() {
    seedVelero(snapshotLocation(VSL, Map.of("driver", "disk.example.com")));
    GenericKubernetesResource claim = pvc(SHOP, "data", "pv-data");
    claim.getMetadata().setLabels(Map.of("velero.io/exclude-from-backup", "true"));
    k8s.seed(
        claim,
        claimedPv("pv-data", "data", "Delete", null, Map.of("hostPath", Map.of("path", "/x"))));

    // The PV itself is backed up (listed cluster-wide), its claim is not.
    Run run = backup(b -> b.getSpec().setIncludedNamespaces(List.of("*")));

    assertThat(run.items())
        .contains(Paths.pv("pv-data"))
        .doesNotContain(Paths.ns("persistentvolumeclaims", SHOP, "data"));
    assertThat(VeleroJson.readVolumeInfos(volumeInfoStream(run)))
        .containsExactly(
            BackupVolumeInfo.skipped(
                "data",
                SHOP,
                "pv-data",
                "any: item has label velero.io/exclude-from-backup=true;"
                    + "volumeSnapshot: no applicable volumesnapshotter found;",
                new BackupVolumeInfo.PvInfo("Delete", null)));
  }

  @Test
  void aFailedSnapshotIsRecordedAndKeepsItsVolumeOutOfTheTarball() {
    seedVelero(snapshotLocation(VSL, Map.of("failVolumes", "/data/pv-bad")));
    seedPodWithVolume("good", "good-data", "pv-good", "zone-a");
    seedPodWithVolume("bad", "bad-data", "pv-bad", "zone-b");

    Run run = backup(b -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.status().getVolumeSnapshotsAttempted()).isEqualTo(2);
    assertThat(run.status().getVolumeSnapshotsCompleted()).isEqualTo(1);
    Map<String, String> phases = new LinkedHashMap<>();
    for (JsonNode record : run.sideFile(BackupFile.VOLUME_SNAPSHOTS)) {
      phases.put(
          record.path("spec").path("persistentVolumeName").asString(),
          record.path("status").path("phase").asString());
      if (record.path("status").path("phase").asString().equals("Failed")) {
        assertThat(record.path("status").has("providerSnapshotID")).isFalse();
        assertThat(record.path("spec").path("volumeAZ").asString()).isEqualTo("zone-b");
      }
    }
    assertThat(phases)
        .containsOnly(Map.entry("pv-good", "Completed"), Map.entry("pv-bad", "Failed"));
    // As in Velero, the PV that failed has its entry though it is not in the tarball.
    Map<String, BackupVolumeInfo.Result> results = new LinkedHashMap<>();
    for (BackupVolumeInfo info : VeleroJson.readVolumeInfos(volumeInfoStream(run))) {
      assertThat(info.backupMethod()).isEqualTo(BackupVolumeInfo.Method.NATIVE_SNAPSHOT);
      results.put(info.pvName(), info.result());
    }
    assertThat(results)
        .containsOnly(
            Map.entry("pv-good", BackupVolumeInfo.Result.SUCCEEDED),
            Map.entry("pv-bad", BackupVolumeInfo.Result.FAILED));
    assertThat(ledger.snapshots())
        .extracting(TakenSnapshot::volumeId)
        .containsExactly("/data/pv-good");
    // As in Velero, the failed PV fails the PVC that asked for it, and the PVC its pod.
    assertThat(run.items())
        .contains(Paths.pv("pv-good"), Paths.ns("pods", SHOP, "good"))
        .doesNotContain(
            Paths.pv("pv-bad"),
            Paths.ns("persistentvolumeclaims", SHOP, "bad-data"),
            Paths.ns("pods", SHOP, "bad"));
    assertThat(run.log())
        .contains(
            "level=error msg=\"error taking snapshot of volume (persistent volume pv-bad, volume"
                + " snapshot location testkit, provider stowage.io/testkit, volume ID"
                + " /data/pv-bad)\"");
  }

  @Test
  void snapshotVolumesFalseTakesNoSnapshotAndWritesNull() {
    seedVelero(snapshotLocation(VSL, Map.of()));
    seedPodWithVolume("app", "data", "pv-data", "zone-a");

    Run run = backup(b -> b.getSpec().setSnapshotVolumes(false));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.gunzipped(BackupFile.VOLUME_SNAPSHOTS)).isEqualTo("null\n");
    assertThat(run.status().getVolumeSnapshotsAttempted()).isZero();
    assertThat(ledger.snapshots()).isEmpty();
    assertThat(VeleroJson.readVolumeInfos(volumeInfoStream(run)))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.pvName()).isEqualTo("pv-data");
              assertThat(info.skipped()).isTrue();
              assertThat(info.skippedReason())
                  .isEqualTo(
                      "volumeSnapshot: not satisfy the criteria for VolumePolicy or the legacy"
                          + " snapshot way;");
            });
    assertThat(run.items()).contains(Paths.pv("pv-data"));
    assertThat(run.log())
        .contains(
            "skipping snapshot action for pv pv-data possibly due to no volume policy setting or"
                + " snapshotVolumes is false");
  }

  @Test
  void csiVolumesAreLeftToTheCsiPluginWhenItIsInstalled() {
    seedVelero(snapshotLocation(VSL, Map.of()));
    seedPodWithVolume("app", "data", "pv-host", "zone-a");
    GenericKubernetesResource csiPv = pv("pv-csi");
    csiPv.setAdditionalProperty(
        "spec",
        Map.of(
            "capacity",
            Map.of("storage", "1Gi"),
            "accessModes",
            List.of("ReadWriteOnce"),
            "csi",
            Map.of("driver", "disk.example.com", "volumeHandle", "vol-123")));
    k8s.seed(csiPv, pvc(SHOP, "csi-data", "pv-csi"));

    Run run = backup(b -> {}, new CsiPvcActionProvider());

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(ledger.snapshots())
        .extracting(TakenSnapshot::volumeId)
        .containsExactly("/data/pv-host");
    assertThat(run.items()).contains(Paths.pv("pv-csi"), Paths.pv("pv-host"));
    assertThat(run.log())
        .contains(
            "Skipping snapshot of persistent volume pv-csi, because it's handled by CSI plugin.");
  }

  @Test
  void aLocationWithoutItsPluginIsAnErrorThatSaysWhatToInstall() {
    seedVelero(snapshotLocation("elsewhere", "example.com/disk", Map.of()));
    seedPodWithVolume("app", "data", "pv-data", "");

    Run run = backup(b -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.gunzipped(BackupFile.VOLUME_SNAPSHOTS)).isEqualTo("null\n");
    // Velero logs the location's error and carries on: the PV is backed up without a snapshot.
    assertThat(run.items()).contains(Paths.pv("pv-data"));
    assertThat(run.log())
        .contains(
            "Error getting volume snapshotter for volume snapshot location elsewhere (provider"
                + " example.com/disk)")
        .contains(
            "add the plugin jar that registers a VolumeSnapshotterProvider named"
                + " example.com/disk")
        .contains(
            "Persistent volume is not a supported volume type for Velero-native"
                + " volumeSnapshotter snapshot, skipping.");
  }

  @Test
  void aLocationCredentialReachesTheSnapshotterAsCredentialsFile() {
    GenericKubernetesResource secret = object("v1", "Secret", VELERO, "cloud-credentials");
    secret.setAdditionalProperty(
        "data",
        Map.of(
            "cloud",
            Base64.getEncoder()
                .encodeToString("[default]\naws_access_key_id=AKIDEXAMPLE\n".getBytes(UTF_8))));
    k8s.seed(secret);
    VolumeSnapshotLocation location = snapshotLocation(VSL, Map.of());
    location.getSpec().setCredential(new SecretKeySelector("cloud-credentials", "cloud"));
    seedVelero(location);
    seedPodWithVolume("app", "data", "pv-data", "zone-a");

    Run run = backup(b -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(ledger.credentials()).contains("[default]\naws_access_key_id=AKIDEXAMPLE\n");
    assertThat(ledger.snapshots()).hasSize(1);
    assertThat(run.log()).doesNotContain("AKIDEXAMPLE");
  }

  @Test
  void aCredentialWhoseSecretIsMissingNamesSecretAndLocation() {
    VolumeSnapshotLocation location = snapshotLocation(VSL, Map.of());
    location.getSpec().setCredential(new SecretKeySelector("no-such-secret", "cloud"));
    seedVelero(location);
    seedPodWithVolume("app", "data", "pv-data", "zone-a");

    Run run = backup(b -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(ledger.snapshots()).isEmpty();
    assertThat(run.log())
        .contains(
            "Secret velero/no-such-secret named by volume snapshot location testkit does not"
                + " exist");
  }

  @Test
  void anUnparsablePodVolumeTimeoutIsAWarningAndTheServerValueIsUsed() {
    Run run =
        backup(
            b ->
                b.getMetadata()
                    .setAnnotations(Map.of("velero.io/pod-volume-timeout", "ten minutes")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.log())
        .contains(
            "level=warning msg=\"Unable to parse pod volume timeout annotation"
                + " velero.io/pod-volume-timeout value \\\"ten minutes\\\"")
        .contains("using server value 4h0m0s")
        .contains("msg=\"Pod volume timeout: 4h0m0s\"");
  }

  @Test
  void aValidPodVolumeTimeoutIsUsed() {
    Run run =
        backup(b -> b.getMetadata().setAnnotations(Map.of("velero.io/pod-volume-timeout", "30m")));

    assertThat(run.status().getWarnings()).isZero();
    assertThat(run.log()).contains("msg=\"Pod volume timeout: 30m0s\"");
  }

  private Run backup(Consumer<Backup> customise, PluginProvider<?>... extraProviders) {
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setNamespace(VELERO);
    backup.getMetadata().setUid("uid-nightly");
    backup.getSpec().setIncludedNamespaces(List.of(SHOP));
    customise.accept(backup);
    List<PluginProvider<?>> providers = new ArrayList<>();
    PluginRegistry classPath = PluginRegistry.load();
    for (PluginKind<?> kind : PluginKind.all()) {
      providers.addAll(classPath.all(kind));
    }
    providers.add(new SharedStoreProvider(objects));
    providers.addAll(List.of(extraProviders));
    Fabric8Cluster cluster = new Fabric8Cluster(k8s.client());
    BackupService service =
        BackupServices.standard(
            cluster,
            PluginRegistry.of(providers),
            PreparationDefaults.VELERO,
            BackupperOptions.DEFAULTS,
            null);
    RunOutcome outcome =
        service.backup(backup, new ClusterLocationCatalog(cluster, VELERO), ProgressListener.NONE);
    assertThat(outcome.backup().getStatus().getValidationErrors()).isEmpty();
    return new Run("nightly", outcome, objects.forLocation(BUCKET, ""), List.of());
  }

  private static ByteArrayInputStream volumeInfoStream(Run run) {
    return new ByteArrayInputStream(run.gunzipped(BackupFile.VOLUME_INFO).getBytes(UTF_8));
  }

  /** A pod in {@code shop} mounting {@code claim}; the claim and its volume are seeded apart. */
  private void seedPod(String pod, String claim) {
    GenericKubernetesResource podObject = object("v1", "Pod", SHOP, pod);
    podObject.setAdditionalProperty(
        "spec",
        Map.of(
            "containers",
            List.of(Map.of("name", "main", "image", "busybox")),
            "volumes",
            List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", claim)))));
    k8s.seed(podObject);
  }

  /** A PV bound to {@code shop/<claim>} with a reclaim policy, labels and a volume source. */
  private static GenericKubernetesResource claimedPv(
      String name,
      String claim,
      String reclaimPolicy,
      Map<String, String> labels,
      Map<String, Object> source) {
    GenericKubernetesResource pv = pv(name);
    Map<String, Object> spec = new LinkedHashMap<>(source);
    spec.put("capacity", Map.of("storage", "1Gi"));
    spec.put("accessModes", List.of("ReadWriteOnce"));
    spec.put("persistentVolumeReclaimPolicy", reclaimPolicy);
    spec.put("claimRef", Map.of("kind", "PersistentVolumeClaim", "namespace", SHOP, "name", claim));
    pv.setAdditionalProperty("spec", spec);
    if (labels != null) {
      pv.getMetadata().setLabels(labels);
    }
    return pv;
  }

  /** A pod in {@code shop} mounting {@code claim}, bound to PV {@code volume} in {@code zone}. */
  private void seedPodWithVolume(String pod, String claim, String volume, String zone) {
    GenericKubernetesResource podObject = object("v1", "Pod", SHOP, pod);
    podObject.setAdditionalProperty(
        "spec",
        Map.of(
            "containers",
            List.of(Map.of("name", "main", "image", "busybox")),
            "volumes",
            List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", claim)))));
    GenericKubernetesResource pvObject = pv(volume);
    if (!zone.isEmpty()) {
      pvObject.getMetadata().setLabels(Map.of("topology.kubernetes.io/zone", zone));
    }
    k8s.seed(podObject, pvc(SHOP, claim, volume), pvObject);
  }

  private static BackupStorageLocation storageLocation() {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName("default");
    location.getMetadata().setNamespace(VELERO);
    location.getSpec().setProvider(SharedStoreProvider.NAME);
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    return location;
  }

  private VolumeSnapshotLocation snapshotLocation(String name, Map<String, String> config) {
    Map<String, String> withLedger = new LinkedHashMap<>(config);
    withLedger.put("ledger", ledgerName);
    return snapshotLocation(name, RecordingVolumeSnapshotterProvider.NAME, withLedger);
  }

  private static VolumeSnapshotLocation snapshotLocation(
      String name, String provider, Map<String, String> config) {
    VolumeSnapshotLocation location = new VolumeSnapshotLocation();
    location.getMetadata().setName(name);
    location.getMetadata().setNamespace(VELERO);
    location.getSpec().setProvider(provider);
    location.getSpec().setConfig(config);
    return location;
  }

  private static void seedVelero(VeleroResource<?, ?> resource) {
    String json = new String(VeleroJson.writeCompact(resource), StandardCharsets.UTF_8);
    k8s.seed(
        k8s.client().getKubernetesSerialization().unmarshal(json, GenericKubernetesResource.class));
  }

  /** Stands in for the CSI plugin: an action of its name on PVCs, so CSI counts as enabled. */
  public static final class CsiPvcActionProvider implements BackupItemActionProvider {
    @Override
    public String name() {
      return "velero.io/csi-pvc-backupper";
    }

    @Override
    public BackupItemAction create(PluginContext context) {
      return new BackupItemAction() {
        @Override
        public ResourceSelector appliesTo() {
          return ResourceSelector.resources("persistentvolumeclaims");
        }

        @Override
        public ActionResult execute(BackupItem item, ActionContext context) {
          return ActionResult.unchanged(item);
        }
      };
    }
  }
}
