package io.stowage.snapshot.csi;

import io.stowage.api.BackupItem;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import java.util.List;
import java.util.Map;

/**
 * Adds the Secret an object names in a pair of CSI annotations (name and namespace, both present)
 * as a must-include additional item; the object is stored otherwise unchanged.
 */
abstract class SecretReferenceAction implements BackupItemAction {
  private final String resource;
  private final String nameAnnotation;
  private final String namespaceAnnotation;

  SecretReferenceAction(String resource, String nameAnnotation, String namespaceAnnotation) {
    this.resource = resource;
    this.nameAnnotation = nameAnnotation;
    this.namespaceAnnotation = namespaceAnnotation;
  }

  @Override
  public final ResourceSelector appliesTo() {
    return ResourceSelector.resources(resource);
  }

  @Override
  public final ActionResult execute(BackupItem item, ActionContext context) {
    Map<String, String> annotations = item.annotations();
    if (!annotations.containsKey(nameAnnotation) || !annotations.containsKey(namespaceAnnotation)) {
      return ActionResult.unchanged(item);
    }
    ResourceIdentifier secret =
        new ResourceIdentifier(
            CsiNames.SECRETS,
            annotations.get(namespaceAnnotation),
            annotations.get(nameAnnotation));
    Json.putMetadata(item.body(), "annotations", Map.of(CsiNames.MUST_INCLUDE_ANNOTATION, "true"));
    context
        .log()
        .info(
            item.identity().toResourceIdentifier(),
            "Adding secret " + secret.namespace() + "/" + secret.name() + " to additionalItems");
    return new ActionResult(item, List.of(secret));
  }
}
