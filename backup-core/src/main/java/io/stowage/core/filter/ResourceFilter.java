package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import java.util.List;

/**
 * Which resource types and items a backup takes, by Velero's rules (velero-facts §5.4–§5.6, §6.14).
 * Two implementations, chosen by {@link ResourceFilterSpec#useOldFilters()}: the old mode ({@code
 * includedResources} / {@code excludedResources} / {@code includeClusterResources}) and the new
 * scoped mode. Immutable and thread-safe.
 *
 * <p>Every entry is resolved through discovery ({@link ResourceResolver}); entries that do not
 * resolve are kept as glob patterns. Type names are compared in the canonical {@code
 * resource[.group]} form.
 *
 * <p>The automatic CSI excludes ({@link AutomaticExcludes}) are always applied as item-level
 * excludes of their two types; when the spec already lists them in its exclude lists (as the
 * controller persists them) those entries are taken as the automatic ones and not as user excludes.
 * Must-include items skip every check here: the engine does not consult the filter for them.
 */
public interface ResourceFilter {
  /** The CRD type, whose treatment decides the CRD step of §6.14. */
  GroupResource CUSTOM_RESOURCE_DEFINITIONS =
      new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");

  /** The {@code namespaces} type. */
  GroupResource NAMESPACES = GroupResource.core("namespaces");

  /**
   * The filter for that spec, in the mode {@link ResourceFilterSpec#useOldFilters()} picks.
   * Validate the spec first ({@link ResourceFilterSpec#validate()}); this does not.
   */
  static ResourceFilter create(
      ResourceFilterSpec spec, NamespaceFilter namespaces, ResourceResolver resolver) {
    return spec.useOldFilters()
        ? new OldResourceFilter(spec, namespaces, resolver)
        : new ScopedResourceFilter(spec, namespaces, resolver);
  }

  /** Whether this is the old filter mode. */
  boolean oldMode();

  /**
   * Whether the type is listed directly during collection (Velero's {@code ShouldInclude} on the
   * type). The two-group rule is applied on top by {@link CollectionPlan}.
   */
  boolean listType(ApiResource type);

  /**
   * {@link #listType} for a type named by its GroupResource (resolved through discovery); false
   * when discovery does not know it. For namespaced types this is also the item-level check.
   */
  boolean includesType(GroupResource type);

  /**
   * Velero's {@code ShouldExclude}: whether a cluster-scoped item of that type that arrives other
   * than by listing (an additional item, a CRD of the CRD step) is excluded. True for a type
   * discovery does not know.
   */
  boolean excludesClusterItem(GroupResource type);

  /**
   * The filter part of Velero's item inclusion checks, for any item that is not must-include (the
   * exclude label and the deletion timestamp are checked by the engine): a namespaced item needs
   * its namespace to pass the namespace filter and its type to pass {@link #includesType}; a
   * cluster-scoped item ({@code namespace} empty) is kept unless {@link #excludesClusterItem}, and
   * a Namespace object is always kept here.
   */
  boolean includesItem(GroupResource type, String namespace);

  /** Whether the CRD type is excluded ({@code ShouldExclude} on it). */
  default boolean crdsExcluded() {
    return excludesClusterItem(CUSTOM_RESOURCE_DEFINITIONS);
  }

  /** Whether the CRD type is listed directly ({@code ShouldInclude} on it). */
  default boolean crdsListed() {
    return includesType(CUSTOM_RESOURCE_DEFINITIONS);
  }

  /**
   * Whether, after collection, the CRD of every GroupResource that had an item backed up is fetched
   * and backed up (§6.14): only when CRDs are neither excluded nor listed directly.
   */
  default boolean backUpCrdsOfCustomResources() {
    return !crdsExcluded() && !crdsListed();
  }

  /** Velero's log lines describing the filter (e.g. {@code Including resources: *}). */
  List<String> describe();
}
