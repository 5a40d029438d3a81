package io.stowage.snapshot.csi;

import com.google.auto.service.AutoService;
import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.LabelValues;
import io.stowage.api.Quantities;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code velero.io/csi-pvc-backupper} (velero-facts §6.11): takes a CSI snapshot of a
 * Bound PVC whose PV is a CSI volume, and stores the PVC pointing at it.
 *
 * <p>For each PVC:
 *
 * <ol>
 *   <li>{@code spec.snapshotVolumes: false}: nothing is done, the PVC is stored unchanged.
 *   <li>No {@code spec.storageClassName}: error (Velero's {@code Cannot snapshot PVC <ns>/<name>,
 *       PVC has no storage class.}). A PVC that is not Bound, or whose PV is missing: error
 *       (Velero's messages). In each case the PVC is not stored and the backup ends
 *       PartiallyFailed.
 *   <li>A PV without {@code spec.csi}: the PVC is stored with {@code
 *       backup.velero.io/skipped-no-csi-pv: "true"}, which the engine strips.
 *   <li>Features Stowage does not support yet: a PVC carrying the VolumeGroupSnapshot label ({@code
 *       spec.volumeGroupSnapshotLabelKey}, default {@code velero.io/volume-group}) with a value, or
 *       a backup with {@code snapshotMoveData: true}. An error naming the PVC is logged (the backup
 *       ends PartiallyFailed), no snapshot is taken, and the PVC is stored as it is, as Velero
 *       stores it when its data upload cannot be started.
 *   <li>Otherwise: the VolumeSnapshotClass is chosen ({@link SnapshotClassChooser}; none: error); a
 *       {@code snapshot.storage.k8s.io/v1} VolumeSnapshot {@code velero-<pvc>-} (generateName) is
 *       created in the PVC's namespace with the PVC's labels plus {@code velero.io/backup-name:
 *       <GetValidName(backup)>}; the action waits up to {@code spec.csiSnapshotTimeout} (10m when
 *       unset) for its bound content's snapshot handle ({@link SnapshotWaiter}). On timeout the
 *       content, if any, gets {@code deletionPolicy: Delete}, the VolumeSnapshot is deleted and the
 *       PVC fails with an error naming the PVC, the VolumeSnapshot, the timeout and what was
 *       missing.
 *   <li>Then the stored PVC's {@code resources.requests.storage} is raised to the content's {@code
 *       restoreSize} when smaller, it gets the label and annotation {@code
 *       velero.io/volume-snapshot-name: <vs>}, the label {@code velero.io/backup-name: <backup
 *       name>} (raw, as Velero writes it on PVCs), and the VolumeSnapshot is returned as a
 *       must-include additional item (the {@link VolumeSnapshotAction} then adds its content and
 *       class).
 * </ol>
 *
 * <p><b>After the backup</b> the VolumeSnapshot and its content stay in the cluster. Velero's
 * finalize phase sets the content to {@code Retain} and deletes both objects once the snapshot is
 * ready; Stowage has no finalize phase, and without Velero's backup deletion nothing would ever
 * delete a snapshot retained that way. Keeping the objects leaves the snapshot to finish and keeps
 * it visible and deletable ({@code kubectl delete volumesnapshot -A -l
 * velero.io/backup-name=<backup>}); a Velero restore reads only the annotations stored on the
 * VolumeSnapshot in the tarball. With a class whose {@code deletionPolicy} is {@code Delete},
 * deleting the VolumeSnapshot (or its namespace) deletes the snapshot: use a {@code Retain} class
 * for snapshots that must outlive their namespace.
 *
 * <p>Thread-safe and stateless; needs cluster access.
 */
public final class PvcSnapshotAction implements BackupItemAction {
  public static final String NAME = "velero.io/csi-pvc-backupper";

  /** Velero's default of {@code spec.csiSnapshotTimeout}. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final Optional<ClusterAccess> cluster;

  public PvcSnapshotAction(Optional<ClusterAccess> cluster) {
    this.cluster = cluster;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("persistentvolumeclaims");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    Backup backup = context.backup();
    BackupSpec spec = backup.getSpec();
    ObjectNode pvc = item.body();
    ResourceIdentifier pvcId = item.identity().toResourceIdentifier();
    String pvcName = item.identity().namespace() + "/" + item.identity().name();
    if (Boolean.FALSE.equals(spec.getSnapshotVolumes())) {
      context
          .log()
          .info(pvcId, "Skipping CSI snapshot of PVC " + pvcName + ": snapshotVolumes is false");
      return ActionResult.unchanged(item);
    }
    String storageClass = Json.text(pvc, "spec", "storageClassName");
    if (storageClass.isEmpty()) {
      throw new BackupException(
          CsiErrorCode.NO_STORAGE_CLASS,
          "Cannot snapshot PVC " + pvcName + ", PVC has no storage class.");
    }
    ClusterAccess access = Clusters.require(cluster, NAME, "PVC " + pvcName);
    ObjectNode pv = boundVolume(access, pvc, pvcName);
    if (!pv.path("spec").has("csi")) {
      context
          .log()
          .info(
              pvcId,
              "Skipping PVC "
                  + pvcName
                  + ", associated PV "
                  + Json.name(pv)
                  + " is not a CSI volume");
      Json.putMetadata(pvc, "annotations", Map.of(CsiNames.SKIPPED_NO_CSI_PV_ANNOTATION, "true"));
      return ActionResult.unchanged(item);
    }
    Optional<String> unsupported = unsupportedFeature(backup, item);
    if (unsupported.isPresent()) {
      context.log().error(pvcId, unsupported.get(), null);
      return ActionResult.unchanged(item);
    }
    ObjectNode snapshotClass = chooseClass(access, context, pvcId, pvcName, item, storageClass);
    ResourceIdentifier snapshot = createSnapshot(access, context, pvcId, item, snapshotClass);
    Duration timeout =
        spec.getCsiSnapshotTimeout().isZero()
            ? DEFAULT_TIMEOUT
            : spec.getCsiSnapshotTimeout().toDuration();
    ObjectNode content = awaitContent(access, context, snapshot, pvcId, pvcName, timeout);

    raiseRequestToRestoreSize(context, pvcId, pvcName, pvc, content);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(CsiNames.VOLUME_SNAPSHOT_LABEL, snapshot.name());
    labels.put(CsiNames.BACKUP_NAME_LABEL, backup.getMetadata().getName());
    Json.putMetadata(pvc, "labels", labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CsiNames.VOLUME_SNAPSHOT_LABEL, snapshot.name());
    annotations.put(CsiNames.MUST_INCLUDE_ANNOTATION, "true");
    Json.putMetadata(pvc, "annotations", annotations);
    context
        .log()
        .info(pvcId, "Returning from PVCBackupItemAction with 1 additionalItems to backup");
    return new ActionResult(item, List.of(snapshot));
  }

  /** The PV of a Bound PVC, or Velero's errors for an unbound one. */
  private static ObjectNode boundVolume(ClusterAccess access, ObjectNode pvc, String pvcName) {
    String volumeName = Json.text(pvc, "spec", "volumeName");
    if (volumeName.isEmpty()) {
      throw new BackupException(
          CsiErrorCode.VOLUME_NOT_BOUND, "PVC " + pvcName + " has no volume backing this claim");
    }
    String phase = Json.text(pvc, "status", "phase");
    if (!"Bound".equals(phase)) {
      throw new BackupException(
          CsiErrorCode.VOLUME_NOT_BOUND,
          "PVC " + pvcName + " is in phase " + phase + " and is not bound to a volume");
    }
    return access
        .get(ResourceIdentifier.clusterScoped(CsiNames.PVS, volumeName))
        .orElseThrow(
            () ->
                new BackupException(
                    CsiErrorCode.VOLUME_NOT_BOUND,
                    "failed to get PV "
                        + volumeName
                        + " for PVC "
                        + pvcName
                        + ": persistentvolumes \""
                        + volumeName
                        + "\" not found"));
  }

  private static Optional<String> unsupportedFeature(Backup backup, BackupItem item) {
    String pvcName = item.identity().namespace() + "/" + item.identity().name();
    String groupKey = backup.getSpec().getVolumeGroupSnapshotLabelKey();
    if (groupKey == null || groupKey.isEmpty()) {
      groupKey = CsiNames.DEFAULT_GROUP_LABEL;
    }
    String group = item.labels().getOrDefault(groupKey, "");
    if (!group.isEmpty()) {
      return Optional.of(
          "Cannot snapshot PVC "
              + pvcName
              + ": it carries the VolumeGroupSnapshot label "
              + groupKey
              + "="
              + group
              + ", and Stowage does not support VolumeGroupSnapshots yet; no snapshot was taken"
              + " and the PVC is stored without one. Remove the label (or set"
              + " spec.volumeGroupSnapshotLabelKey to another key) to snapshot the volume on its"
              + " own.");
    }
    if (Boolean.TRUE.equals(backup.getSpec().getSnapshotMoveData())) {
      return Optional.of(
          "Cannot snapshot PVC "
              + pvcName
              + ": the backup sets snapshotMoveData, and Stowage does not support CSI snapshot"
              + " data movement yet; no snapshot was taken and the PVC is stored without one."
              + " Leave snapshotMoveData unset for a CSI snapshot that stays in the cluster.");
    }
    return Optional.empty();
  }

  private static ObjectNode chooseClass(
      ClusterAccess access,
      ActionContext context,
      ResourceIdentifier pvcId,
      String pvcName,
      BackupItem pvc,
      String storageClassName) {
    ObjectNode storageClass =
        access
            .get(ResourceIdentifier.clusterScoped(CsiNames.STORAGE_CLASSES, storageClassName))
            .orElseThrow(
                () ->
                    new BackupException(
                        CsiErrorCode.NO_STORAGE_CLASS,
                        "Cannot snapshot PVC "
                            + pvcName
                            + ": error getting storage class: storageclasses.storage.k8s.io \""
                            + storageClassName
                            + "\" not found"));
    String driver = Json.text(storageClass, "provisioner");
    Backup backup = context.backup();
    Map<String, String> backupAnnotations = backup.getMetadata().getAnnotations();
    List<ObjectNode> classes;
    try {
      classes = access.list(CsiNames.VOLUME_SNAPSHOT_CLASSES, "", "");
    } catch (RuntimeException e) {
      throw new BackupException(
          CsiErrorCode.NO_SNAPSHOT_CLASS,
          "Cannot snapshot PVC "
              + pvcName
              + ": error listing VolumeSnapshotClasses: "
              + e.getMessage()
              + ". A cluster without the snapshot.storage.k8s.io/v1 CRDs and the CSI snapshot"
              + " controller cannot take CSI snapshots: install them, or set snapshotVolumes to"
              + " false",
          e);
    }
    SnapshotClassChooser.Choice choice =
        SnapshotClassChooser.choose(
            driver,
            classes,
            pvcName,
            pvc.annotations(),
            backup.getMetadata().getName(),
            backupAnnotations == null ? Map.of() : backupAnnotations);
    choice.notes().forEach(note -> context.log().info(pvcId, note));
    ObjectNode chosen =
        choice
            .chosen()
            .orElseThrow(
                () ->
                    new BackupException(
                        CsiErrorCode.NO_SNAPSHOT_CLASS,
                        "Cannot snapshot PVC "
                            + pvcName
                            + ": failed to get VolumeSnapshotClass for StorageClass "
                            + storageClassName
                            + ": error getting VolumeSnapshotClass: "
                            + SnapshotClassChooser.Choice.failure(driver)
                            + ". To fix it, label the VolumeSnapshotClass to use for driver "
                            + driver
                            + " with "
                            + CsiNames.CLASS_SELECTOR_LABEL
                            + " (any value), or name it in the PVC annotation "
                            + CsiNames.CLASS_ANNOTATION));
    context.log().info(pvcId, "VolumeSnapshotClass=" + Json.name(chosen));
    return chosen;
  }

  private static ResourceIdentifier createSnapshot(
      ClusterAccess access,
      ActionContext context,
      ResourceIdentifier pvcId,
      BackupItem pvc,
      ObjectNode snapshotClass) {
    Map<String, String> labels = new LinkedHashMap<>(pvc.labels());
    labels.put(
        CsiNames.BACKUP_NAME_LABEL,
        LabelValues.validName(context.backup().getMetadata().getName()));
    ObjectNode snapshot = Json.object();
    snapshot.put("apiVersion", CsiNames.SNAPSHOT_API_VERSION);
    snapshot.put("kind", "VolumeSnapshot");
    ObjectNode metadata = snapshot.putObject("metadata");
    metadata.put("generateName", "velero-" + pvcId.name() + "-");
    metadata.put("namespace", pvcId.namespace());
    ObjectNode labelNode = metadata.putObject("labels");
    labels.forEach(labelNode::put);
    ObjectNode spec = snapshot.putObject("spec");
    spec.putObject("source").put("persistentVolumeClaimName", pvcId.name());
    spec.put("volumeSnapshotClassName", Json.name(snapshotClass));
    ObjectNode created = access.create(CsiNames.VOLUME_SNAPSHOTS, snapshot);
    ResourceIdentifier id =
        new ResourceIdentifier(CsiNames.VOLUME_SNAPSHOTS, pvcId.namespace(), Json.name(created));
    context.log().info(pvcId, "Created VolumeSnapshot " + id.namespace() + "/" + id.name());
    return id;
  }

  private static ObjectNode awaitContent(
      ClusterAccess access,
      ActionContext context,
      ResourceIdentifier snapshot,
      ResourceIdentifier pvcId,
      String pvcName,
      Duration timeout) {
    String vsName = snapshot.namespace() + "/" + snapshot.name();
    String timeoutText = GoDuration.of(timeout).toString();
    SnapshotWaiter.Outcome outcome;
    try {
      outcome = new SnapshotWaiter(access, context.log()).await(snapshot, pvcId, timeout);
    } catch (InterruptedException e) {
      // Clean up before restoring the interrupt: with the flag set, every call to the API server
      // would fail at once and leave the snapshot behind.
      String cleanup = SnapshotCleanup.deleteSnapshot(access, context.log(), snapshot, pvcId);
      Thread.currentThread().interrupt();
      throw new BackupException(
          CsiErrorCode.SNAPSHOT_TIMEOUT,
          "Interrupted while waiting for VolumeSnapshot "
              + vsName
              + " of PVC "
              + pvcName
              + "; "
              + cleanup,
          e);
    }
    if (outcome instanceof SnapshotWaiter.Bound bound) {
      return bound.content();
    }
    String missing = ((SnapshotWaiter.TimedOut) outcome).missing();
    String cleanup = SnapshotCleanup.deleteSnapshot(access, context.log(), snapshot, pvcId);
    throw new BackupException(
        CsiErrorCode.SNAPSHOT_TIMEOUT,
        "Timed out after "
            + timeoutText
            + " (spec.csiSnapshotTimeout) waiting for VolumeSnapshot "
            + vsName
            + " of PVC "
            + pvcName
            + ": "
            + missing
            + "; "
            + cleanup
            + ". Check that the CSI snapshot controller and the driver's csi-snapshotter sidecar"
            + " run, or raise spec.csiSnapshotTimeout.");
  }

  private static void raiseRequestToRestoreSize(
      ActionContext context,
      ResourceIdentifier pvcId,
      String pvcName,
      ObjectNode pvc,
      ObjectNode content) {
    JsonNode restoreSize = content.path("status").path("restoreSize");
    if (!restoreSize.isNumber()) {
      return;
    }
    long bytes = restoreSize.asLong();
    JsonNode current = pvc.path("spec").path("resources").path("requests").path("storage");
    if (!current.isMissingNode() && !current.isNull()) {
      Optional<BigDecimal> requested = Quantities.parse(current.asString(""));
      if (requested.isEmpty()) {
        context
            .log()
            .warn(
                pvcId,
                "PVC "
                    + pvcName
                    + " requests storage "
                    + current.asString("")
                    + ", which is not a quantity; left as it is");
        return;
      }
      if (requested.get().compareTo(BigDecimal.valueOf(bytes)) >= 0) {
        return;
      }
    }
    ObjectNode spec = pvc.get("spec") instanceof ObjectNode s ? s : pvc.putObject("spec");
    ObjectNode resources =
        spec.get("resources") instanceof ObjectNode r ? r : spec.putObject("resources");
    ObjectNode requests =
        resources.get("requests") instanceof ObjectNode q ? q : resources.putObject("requests");
    String size = Quantities.binary(bytes);
    requests.put("storage", size);
    context.log().info(pvcId, "Resetting storage requests for PVC " + pvcName + " to " + size);
  }

  /** Registers {@value #NAME}. */
  @AutoService(BackupItemActionProvider.class)
  public static final class Provider implements BackupItemActionProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public BackupItemAction create(PluginContext context) {
      return new PvcSnapshotAction(context.cluster());
    }
  }
}
