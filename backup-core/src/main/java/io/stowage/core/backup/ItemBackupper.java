package io.stowage.core.backup;

import io.stowage.api.BackupItem;
import io.stowage.api.GroupResource;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ActionResult;
import io.stowage.core.archive.GoJson;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.hooks.HookPhase;
import io.stowage.core.snapshot.BackedUpVolumes;
import io.stowage.core.snapshot.CsiPlugin;
import io.stowage.core.snapshot.NativeSnapshots;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code itemBackupper.backupItem} (facts §6.3, §6.5): inclusion checks, dedup, actions,
 * additional items first, a native snapshot for a PersistentVolume, then the item's files in the
 * tarball.
 *
 * <p>It also tells the backup's {@link BackedUpVolumes} what Velero's item backupper tells its PV
 * map and skip tracker: each PV that reaches its snapshot step, a PV or PVC excluded by label
 * (approach {@code any}), and around the CSI PVC action ({@value CsiPlugin#PVC_ACTION}) the volume
 * skipped by {@code snapshotVolumes: false}, skipped as not CSI, or included.
 */
final class ItemBackupper {
  static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";
  static final String SKIP_ANNOTATION = "velero.io/skip-from-backup";
  static final String MUST_INCLUDE_ANNOTATION = "backup.velero.io/must-include-additional-items";
  static final String SKIPPED_NO_CSI_PV_ANNOTATION = "backup.velero.io/skipped-no-csi-pv";
  static final GroupResource PERSISTENT_VOLUMES = GroupResource.core("persistentvolumes");
  static final GroupResource PERSISTENT_VOLUME_CLAIMS =
      GroupResource.core("persistentvolumeclaims");

  private final BackupScope scope;
  private final BackedUpItems backedUp;
  private final AtomicInteger discovered = new AtomicInteger();

  ItemBackupper(BackupScope scope, BackedUpItems backedUp) {
    this.scope = scope;
    this.backedUp = backedUp;
  }

  /** Items that entered the backed-up set other than through listing. */
  int discovered() {
    return discovered.get();
  }

  /**
   * Backs up one object of {@code type} as read from the cluster.
   *
   * @param listed whether it came from a list (it then counts in the collected total already)
   * @param mustInclude skip the inclusion checks (Velero's must-include)
   */
  ItemOutcome backup(ApiResource type, ObjectNode object, boolean listed, boolean mustInclude) {
    if (!included(type, object, mustInclude)) {
      return ItemOutcome.SKIPPED;
    }
    return backupIncluded(type, object, listed, true, Optional.empty());
  }

  /**
   * Velero's inclusion checks (facts §6.3 step 1): the exclude label and the resource filter unless
   * {@code mustInclude}, and never an item being deleted. Logs why an item is left out.
   */
  boolean included(ApiResource type, ObjectNode object, boolean mustInclude) {
    ResourceIdentifier id = identifier(type, object);
    JsonNode metadata = object.path("metadata");
    GroupResource groupResource = id.groupResource();
    if (!mustInclude) {
      if ("true".equals(metadata.path("labels").path(EXCLUDE_LABEL).asString(""))) {
        scope.log().info(id, "Excluding item because it has label " + EXCLUDE_LABEL + "=true");
        volumes()
            .skip(
                volumeName(groupResource, object),
                BackedUpVolumes.Approach.ANY,
                "item has label " + EXCLUDE_LABEL + "=true");
        return false;
      }
      if (!scope.resources().includesItem(groupResource, id.namespace())) {
        scope.log().info(id, "Excluding item because resource is excluded");
        return false;
      }
    }
    if (metadata.hasNonNull("deletionTimestamp")) {
      scope.log().info(id, "Skipping item because it's being deleted.");
      return false;
    }
    return true;
  }

  /** Whether the item is in the backed-up set already (Velero's dedup key, facts §6.7). */
  boolean isBackedUp(ApiResource type, ObjectNode object) {
    ResourceIdentifier id = identifier(type, object);
    return backedUp.contains(typeKey(type, object), id.namespace(), id.name());
  }

  /**
   * Backs up a pod of a {@link PodBlocks block} whose pre hooks the block ran already; the block
   * runs its post hooks too. The pod passed {@link #included} already.
   *
   * @param preHookError the error of a pre hook that failed with {@code onError: Fail}, if any: the
   *     pod then enters the backed-up set but is not written, as Velero does (facts §6.7)
   */
  ItemOutcome backupBlockPod(
      ApiResource type, ObjectNode pod, boolean listed, Optional<String> preHookError) {
    return backupIncluded(type, pod, listed, false, preHookError);
  }

  private ItemOutcome backupIncluded(
      ApiResource type,
      ObjectNode object,
      boolean listed,
      boolean runHooks,
      Optional<String> preHookError) {
    ResourceIdentifier id = identifier(type, object);
    String typeKey = typeKey(type, object);
    if (!backedUp.add(typeKey, id.groupResource(), id.namespace(), id.name())) {
      return ItemOutcome.ALREADY_BACKED_UP;
    }
    if (!listed) {
      discovered.incrementAndGet();
    }
    scope.log().info(id, "Backing up item");

    // Pre hooks run before anything else is done for the pod; one failing with onError Fail keeps
    // the pod out of the tarball, though it stays in the backed-up set (facts §6.7, §6.8).
    Optional<String> preError =
        runHooks ? scope.hooks().run(HookPhase.PRE, id.groupResource(), object) : preHookError;
    if (preError.isPresent()) {
      scope.log().error(id, "Error running pre hooks for pod: " + preError.get(), null);
      // Velero flags such a pod as backed up and moves on: the error is logged, but an item that
      // asked for the pod as an additional item does not fail because of it.
      return ItemOutcome.SKIPPED;
    }
    ItemOutcome outcome = backupAfterPreHooks(type, object, id, typeKey);
    if (runHooks) {
      // Post hooks run once the pod's files are written (Velero: after its item block), also when
      // the pod itself could not be written, as Velero runs them for every pod whose pre hooks
      // passed.
      scope.hooks().run(HookPhase.POST, id.groupResource(), object);
    }
    return outcome;
  }

  private static ResourceIdentifier identifier(ApiResource type, ObjectNode object) {
    JsonNode metadata = object.path("metadata");
    String name = metadata.path("name").asString("");
    String namespace = type.namespaced() ? metadata.path("namespace").asString("") : "";
    return new ResourceIdentifier(type.groupResource(), namespace, name);
  }

  private static String typeKey(ApiResource type, ObjectNode object) {
    return object.path("apiVersion").asString(type.apiVersion())
        + "/"
        + object.path("kind").asString(type.kind());
  }

  private ItemOutcome backupAfterPreHooks(
      ApiResource type, ObjectNode object, ResourceIdentifier id, String typeKey) {
    GroupResource groupResource = id.groupResource();
    String namespace = id.namespace();
    String name = id.name();
    ItemIdentity identity =
        new ItemIdentity(type.group(), type.version(), type.resource(), namespace, name);
    BackupItem item = new BackupItem(identity, object);
    boolean failed = false;
    boolean snapshotsOff = Boolean.FALSE.equals(scope.backup().getSpec().getSnapshotVolumes());
    for (ResolvedAction action : scope.actions()) {
      Map<String, String> labels = item.labels();
      if (!action.selector().appliesTo(groupResource, namespace, labels)) {
        continue;
      }
      boolean csiPvcAction =
          groupResource.equals(PERSISTENT_VOLUME_CLAIMS)
              && action.name().equals(CsiPlugin.PVC_ACTION);
      if (csiPvcAction && snapshotsOff) {
        // Velero's item backupper records the skip and does not call the CSI action.
        volumes()
            .skip(
                volumeName(groupResource, item.body()),
                BackedUpVolumes.Approach.VOLUME_SNAPSHOT,
                NativeSnapshots.NOT_SELECTED);
        continue;
      }
      ActionResult result;
      try {
        result = action.action().execute(item, scope);
      } catch (RuntimeException e) {
        scope
            .log()
            .error(
                id,
                "error executing custom action (groupResource="
                    + groupResource
                    + ", namespace="
                    + namespace
                    + ", name="
                    + name
                    + "), plugin: "
                    + action.name(),
                e);
        failed = true;
        break;
      }
      item = result.item();
      if (item.annotations().containsKey(SKIP_ANNOTATION)) {
        backedUp.remove(typeKey, namespace, name);
        scope.log().info(id, "Skipping item because action " + action.name() + " asked to");
        return ItemOutcome.SKIPPED;
      }
      if (csiPvcAction) {
        trackCsiOutcome(item, result);
      }
      boolean mustIncludeAdditional =
          "true".equals(item.annotations().get(MUST_INCLUDE_ANNOTATION));
      // As in Velero, the annotation is removed once read: it speaks only for the additional
      // items of the action that returned it, not for those of later actions.
      removeMustInclude(item.body());
      for (ResourceIdentifier additional : result.additionalItems()) {
        if (backupAdditional(additional, mustIncludeAdditional) == ItemOutcome.FAILED) {
          // The additional item logged its error; as in Velero that one error also fails this
          // item, and nothing more is done for it (no further additional items or actions).
          scope
              .log()
              .info(
                  id, "Not backing up item because its additional item " + additional + " failed");
          return ItemOutcome.FAILED;
        }
      }
    }
    if (failed) {
      return ItemOutcome.FAILED;
    }
    if (groupResource.equals(PERSISTENT_VOLUMES)) {
      // Velero records the PV for the volume-info file before its snapshot, also when that fails.
      volumes().add(item.body());
      if (!scope.snapshots().takeSnapshot(id, item)) {
        return ItemOutcome.FAILED; // the snapshot error was logged; Velero does not write the PV
      }
    }
    removeInternalAnnotations(item.body());
    scope.tarball().writeItem(identity, GoJson.marshal(item.body()), true);
    return ItemOutcome.WRITTEN;
  }

  /** Fetches and backs up an item an action asked for, at its preferred version. */
  ItemOutcome backupAdditional(ResourceIdentifier id, boolean mustInclude) {
    Optional<ApiResource> type = scope.resolver().byGroupResource(id.groupResource());
    if (type.isEmpty()) {
      // Velero cannot resolve the type through discovery and fails the item that asked for it.
      scope
          .log()
          .error(id, "Additional item's type is not served by the cluster, can't back it up", null);
      return ItemOutcome.FAILED;
    }
    Optional<ObjectNode> object = scope.cluster().get(type.get(), id.namespace(), id.name());
    if (object.isEmpty()) {
      scope.log().warn(id, "Additional item was not found in Kubernetes API, can't back it up");
      return ItemOutcome.SKIPPED;
    }
    return backup(type.get(), object.get(), false, mustInclude);
  }

  /**
   * Velero's reading of the CSI PVC action's answer: no additional items and the {@code
   * skipped-no-csi-pv} annotation mean the volume is not a CSI volume; anything else means the
   * action backs the volume up.
   */
  private void trackCsiOutcome(BackupItem pvc, ActionResult result) {
    String volume = volumeName(PERSISTENT_VOLUME_CLAIMS, pvc.body());
    if (result.additionalItems().isEmpty()
        && "true".equals(pvc.annotations().get(SKIPPED_NO_CSI_PV_ANNOTATION))) {
      volumes()
          .skip(volume, BackedUpVolumes.Approach.CSI_SNAPSHOT, "skipped b/c it's not a CSI volume");
    } else {
      volumes().include(volume);
    }
  }

  private BackedUpVolumes volumes() {
    return scope.snapshots().volumes();
  }

  /**
   * The PV an item stands for: a PV itself, or a PVC's {@code spec.volumeName}; else {@code ""}.
   */
  private static String volumeName(GroupResource groupResource, JsonNode object) {
    if (groupResource.equals(PERSISTENT_VOLUMES)) {
      return object.path("metadata").path("name").asString("");
    }
    if (groupResource.equals(PERSISTENT_VOLUME_CLAIMS)) {
      return object.path("spec").path("volumeName").asString("");
    }
    return "";
  }

  private static void removeMustInclude(ObjectNode body) {
    if (body.path("metadata").path("annotations") instanceof ObjectNode map) {
      map.remove(MUST_INCLUDE_ANNOTATION);
    }
  }

  private static void removeInternalAnnotations(ObjectNode body) {
    JsonNode annotations = body.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode map) {
      map.remove(MUST_INCLUDE_ANNOTATION);
      map.remove(SKIPPED_NO_CSI_PV_ANNOTATION);
    }
  }
}
