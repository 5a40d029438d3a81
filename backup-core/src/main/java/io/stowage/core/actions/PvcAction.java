package io.stowage.core.actions;

import com.google.auto.service.AutoService;
import io.stowage.api.BackupItem;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code velero.io/pv} action, which acts on PersistentVolumeClaims. A PVC that is not
 * {@code Bound} or has no {@code spec.volumeName} is stored unchanged with no additional item. For
 * a Bound PVC, the stored copy loses {@code spec.dataSource} and {@code spec.dataSourceRef}, loses
 * {@code spec.selector} unless {@code spec.storageClassName} is {@code ""} (a PVC reserving a
 * specific PV), and loses the {@code velero.io/}-prefixed keys of {@code spec.selector.matchLabels}
 * a Velero restore leaves behind; its PV is the additional item.
 */
public final class PvcAction implements BackupItemAction {
  public static final String NAME = "velero.io/pv";
  static final GroupResource PVS = GroupResource.core("persistentvolumes");

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("persistentvolumeclaims");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    ObjectNode body = item.body();
    JsonNode specNode = body.path("spec");
    String volumeName = specNode.path("volumeName").asString("");
    if (!"Bound".equals(body.path("status").path("phase").asString(""))
        || volumeName.isEmpty()
        || !(specNode instanceof ObjectNode spec)) {
      return ActionResult.unchanged(item);
    }
    spec.remove("dataSource");
    spec.remove("dataSourceRef");
    JsonNode storageClass = spec.get("storageClassName");
    boolean reservesVolume =
        storageClass != null && storageClass.isString() && storageClass.asString().isEmpty();
    if (!reservesVolume) {
      spec.remove("selector");
    }
    if (spec.path("selector").path("matchLabels") instanceof ObjectNode matchLabels) {
      List<String> stale = new ArrayList<>();
      matchLabels
          .propertyNames()
          .forEach(
              k -> {
                if (k.startsWith("velero.io/")) {
                  stale.add(k);
                }
              });
      stale.forEach(matchLabels::remove);
    }
    context
        .log()
        .info(
            item.identity().toResourceIdentifier(),
            "Adding persistentvolume " + volumeName + " to additionalItems");
    return new ActionResult(item, List.of(ResourceIdentifier.clusterScoped(PVS, volumeName)));
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
      return new PvcAction();
    }
  }
}
