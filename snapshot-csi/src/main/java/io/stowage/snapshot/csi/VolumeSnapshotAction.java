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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code velero.io/csi-volumesnapshot-backupper} (velero-facts §6.11, "VS action"), on
 * {@code volumesnapshots.snapshot.storage.k8s.io}:
 *
 * <ul>
 *   <li>additional items, must-include: the VolumeSnapshotClass ({@code
 *       spec.volumeSnapshotClassName}) and the bound VolumeSnapshotContent;
 *   <li>the content gets the label {@code velero.io/backup-name: <GetValidName(backup)>} (a failed
 *       patch is a warning);
 *   <li>the live VolumeSnapshot and the stored copy get the annotations {@code
 *       velero.io/csi-vsc-deletion-policy}, {@code velero.io/csi-volumesnapshot-handle} and {@code
 *       velero.io/csi-driver-name} (when the content has a handle), {@code
 *       velero.io/csi-volumesnapshot-restore-size} (when it has a restore size, as a BinarySI
 *       quantity) and {@code velero.io/csi-volumegroupsnapshot-handle} (when set). Velero's restore
 *       reads them to re-create the content from the handle.
 * </ul>
 *
 * <p>A snapshot that is not bound fails the item; Velero also deletes it, which this action does
 * only for snapshots labelled for this backup (anything else is the user's). Unlike Velero, no
 * asynchronous operation is started: Stowage has none (readiness is counted at the end of the run,
 * see {@code CsiSnapshotSummary} in backup-core).
 */
public final class VolumeSnapshotAction implements BackupItemAction {
  public static final String NAME = "velero.io/csi-volumesnapshot-backupper";

  private final Optional<ClusterAccess> cluster;

  public VolumeSnapshotAction(Optional<ClusterAccess> cluster) {
    this.cluster = cluster;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("volumesnapshots.snapshot.storage.k8s.io");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    ObjectNode snapshot = item.body();
    ResourceIdentifier id = item.identity().toResourceIdentifier();
    String vsName = id.namespace() + "/" + id.name();
    ClusterAccess access = Clusters.require(cluster, NAME, "VolumeSnapshot " + vsName);
    String backupLabel = LabelValues.validName(context.backup().getMetadata().getName());
    List<ResourceIdentifier> additional = new ArrayList<>();
    String className = Json.text(snapshot, "spec", "volumeSnapshotClassName");
    if (!className.isEmpty()) {
      additional.add(ResourceIdentifier.clusterScoped(CsiNames.VOLUME_SNAPSHOT_CLASSES, className));
    }
    String contentName = Json.text(snapshot, "status", "boundVolumeSnapshotContentName");
    if (contentName.isEmpty()) {
      String cleanup = "";
      if (backupLabel.equals(item.labels().get(CsiNames.BACKUP_NAME_LABEL))) {
        cleanup = "; " + SnapshotCleanup.deleteSnapshot(access, context.log(), id, id);
      }
      throw new BackupException(
          CsiErrorCode.SNAPSHOT_NOT_BOUND,
          "invalid snapshot info in volume snapshot "
              + vsName
              + ": it is not bound to a"
              + " VolumeSnapshotContent"
              + cleanup);
    }
    ResourceIdentifier contentId =
        ResourceIdentifier.clusterScoped(CsiNames.VOLUME_SNAPSHOT_CONTENTS, contentName);
    ObjectNode content =
        access
            .get(contentId)
            .orElseThrow(
                () ->
                    new BackupException(
                        CsiErrorCode.SNAPSHOT_NOT_BOUND,
                        "error getting volume snapshot content from API: VolumeSnapshotContent "
                            + contentName
                            + " of VolumeSnapshot "
                            + vsName
                            + " not found"));
    additional.add(contentId);

    Map<String, String> annotations = annotationsFor(content);
    try {
      access.mergePatch(
          contentId, Json.metadataPatch("labels", Map.of(CsiNames.BACKUP_NAME_LABEL, backupLabel)));
    } catch (RuntimeException e) {
      context
          .log()
          .warn(id, "Failed to patch VolumeSnapshotContent " + contentName + ": " + e.getMessage());
    }
    access.mergePatch(id, Json.metadataPatch("annotations", annotations));
    Map<String, String> stored = new LinkedHashMap<>(annotations);
    stored.put(CsiNames.MUST_INCLUDE_ANNOTATION, "true");
    Json.putMetadata(snapshot, "annotations", stored);
    context
        .log()
        .info(
            id,
            "Returning from VolumeSnapshotBackupItemAction with "
                + additional.size()
                + " additionalItems to backup");
    return new ActionResult(item, additional);
  }

  /** What Velero's restore needs to know of the content, as VolumeSnapshot annotations. */
  static Map<String, String> annotationsFor(ObjectNode content) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(
        CsiNames.DELETION_POLICY_ANNOTATION, Json.text(content, "spec", "deletionPolicy"));
    JsonNode status = content.path("status");
    String handle = Json.text(status, "snapshotHandle");
    if (!handle.isEmpty()) {
      annotations.put(CsiNames.SNAPSHOT_HANDLE_ANNOTATION, handle);
      annotations.put(CsiNames.DRIVER_NAME_ANNOTATION, Json.text(content, "spec", "driver"));
    }
    if (status.path("restoreSize").isNumber()) {
      annotations.put(
          CsiNames.RESTORE_SIZE_ANNOTATION, Quantities.binary(status.path("restoreSize").asLong()));
    }
    String groupHandle = Json.text(status, "volumeGroupSnapshotHandle");
    if (!groupHandle.isEmpty()) {
      annotations.put(CsiNames.GROUP_SNAPSHOT_HANDLE_ANNOTATION, groupHandle);
    }
    return annotations;
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
      return new VolumeSnapshotAction(context.cluster());
    }
  }
}
