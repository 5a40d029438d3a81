package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceSelector;
import java.util.Map;

/**
 * Whether a BackupItemAction applies to an item: Velero's resolved action ({@code resolveAction} +
 * {@code ShouldUse}, velero-facts §6.4). Immutable and thread-safe; resolve once per action and
 * backup.
 *
 * <ul>
 *   <li>the item's type passes the action's resource filter (entries resolved through discovery,
 *       unresolvable ones kept as globs, {@code *} dropped from the excludes);
 *   <li>a namespaced item's namespace passes the action's namespace filter (globs, no expansion);
 *   <li>a cluster-scoped item needs the action's namespace filter to be "everything";
 *   <li>the item's labels match the action's label selector.
 * </ul>
 */
public final class ActionSelector {
  private final IncludesExcludes resources;
  private final IncludesExcludes namespaces;
  private final Selector labels;

  private ActionSelector(IncludesExcludes resources, IncludesExcludes namespaces, Selector labels) {
    this.resources = resources;
    this.namespaces = namespaces;
    this.labels = labels;
  }

  /**
   * Resolves an action's selector against discovery.
   *
   * @throws io.stowage.api.BackupException {@code INVALID_ARGUMENT} when the label selector does
   *     not parse
   */
  public static ActionSelector resolve(ResourceSelector selector, ResourceResolver resolver) {
    requireNonNull(selector, "selector is null");
    IncludesExcludes resources =
        IncludesExcludes.of(
            resolver.canonicalIncludes(selector.includedResources()),
            resolver.canonicalExcludes(selector.excludedResources()));
    IncludesExcludes namespaces =
        IncludesExcludes.of(selector.includedNamespaces(), selector.excludedNamespaces());
    Selector labels =
        selector.labelSelector().isEmpty()
            ? Selector.EVERYTHING
            : LabelSelectors.parse(selector.labelSelector());
    return new ActionSelector(resources, namespaces, labels);
  }

  /**
   * Whether the action applies.
   *
   * @param type the item's type
   * @param namespace the item's namespace, {@code ""} (or null) for cluster-scoped items
   * @param itemLabels the item's labels (empty map when it has none); null skips the label check,
   *     as Velero does for an item without metadata
   */
  public boolean appliesTo(GroupResource type, String namespace, Map<String, String> itemLabels) {
    if (!resources.shouldInclude(type.toString())) {
      return false;
    }
    boolean clusterScoped = namespace == null || namespace.isEmpty();
    if (!clusterScoped && !namespaces.shouldInclude(namespace)) {
      return false;
    }
    if (clusterScoped && !namespaces.includeEverything()) {
      return false;
    }
    return itemLabels == null || labels.matches(itemLabels);
  }

  @Override
  public String toString() {
    return "ActionSelector{resources "
        + resources
        + ", namespaces "
        + namespaces
        + ", labels "
        + labels
        + "}";
  }
}
