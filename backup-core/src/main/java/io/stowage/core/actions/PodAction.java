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

/**
 * Velero's {@code velero.io/pod} action: the pod's PriorityClass ({@code spec.priorityClassName})
 * and then each PVC named in {@code spec.volumes[].persistentVolumeClaim.claimName}, in volume
 * order, as additional items. The pod itself is stored unchanged.
 */
public final class PodAction implements BackupItemAction {
  public static final String NAME = "velero.io/pod";
  static final GroupResource PRIORITY_CLASSES =
      new GroupResource("scheduling.k8s.io", "priorityclasses");
  static final GroupResource PVCS = GroupResource.core("persistentvolumeclaims");

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("pods");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    JsonNode spec = item.body().path("spec");
    String namespace = item.body().path("metadata").path("namespace").asString("");
    ResourceIdentifier self = item.identity().toResourceIdentifier();
    List<ResourceIdentifier> additional = new ArrayList<>();
    String priorityClass = spec.path("priorityClassName").asString("");
    if (!priorityClass.isEmpty()) {
      context.log().info(self, "Adding priorityclass " + priorityClass + " to additionalItems");
      additional.add(ResourceIdentifier.clusterScoped(PRIORITY_CLASSES, priorityClass));
    }
    for (JsonNode volume : spec.path("volumes")) {
      String claim = volume.path("persistentVolumeClaim").path("claimName").asString("");
      if (!claim.isEmpty()) {
        context.log().info(self, "Adding pvc " + claim + " to additionalItems");
        additional.add(new ResourceIdentifier(PVCS, namespace, claim));
      }
    }
    return new ActionResult(item, additional);
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
      return new PodAction();
    }
  }
}
