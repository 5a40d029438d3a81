package io.stowage.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The resource filter fields of a Backup spec, in Velero's names. Lists are never null (null
 * becomes empty); {@code includeClusterResources} is nullable, as in Velero.
 *
 * @param includedResources old style: {@code spec.includedResources}
 * @param excludedResources old style: {@code spec.excludedResources}
 * @param includeClusterResources old style: {@code spec.includeClusterResources}, null when unset
 * @param includedClusterScopedResources new style: {@code spec.includedClusterScopedResources}
 * @param excludedClusterScopedResources new style: {@code spec.excludedClusterScopedResources}
 * @param includedNamespaceScopedResources new style: {@code spec.includedNamespaceScopedResources}
 * @param excludedNamespaceScopedResources new style: {@code spec.excludedNamespaceScopedResources}
 */
public record ResourceFilterSpec(
    List<String> includedResources,
    List<String> excludedResources,
    Boolean includeClusterResources,
    List<String> includedClusterScopedResources,
    List<String> excludedClusterScopedResources,
    List<String> includedNamespaceScopedResources,
    List<String> excludedNamespaceScopedResources) {

  /** No resource filter at all (the scoped mode with every list empty). */
  public static final ResourceFilterSpec NONE =
      new ResourceFilterSpec(null, null, null, null, null, null, null);

  /** The message when old and new filter fields are both used (three lines). */
  public static final String MIXED_FILTERS_MESSAGE =
      "include-resources, exclude-resources and include-cluster-resources are old filter"
          + " parameters.\n"
          + "include-cluster-scoped-resources, exclude-cluster-scoped-resources,"
          + " include-namespace-scoped-resources and exclude-namespace-scoped-resources are new"
          + " filter parameters.\n"
          + "They cannot be used together";

  /** Prefix of old-style list errors. */
  public static final String OLD_PREFIX = "Invalid included/excluded resource lists: ";

  /** Prefix of cluster-scoped list errors. */
  public static final String CLUSTER_PREFIX =
      "Invalid cluster-scoped included/excluded resource lists: ";

  /** Prefix of namespace-scoped list errors. */
  public static final String NAMESPACE_PREFIX =
      "Invalid namespace-scoped included/excluded resource lists: ";

  public ResourceFilterSpec {
    includedResources = copy(includedResources);
    excludedResources = copy(excludedResources);
    includedClusterScopedResources = copy(includedClusterScopedResources);
    excludedClusterScopedResources = copy(excludedClusterScopedResources);
    includedNamespaceScopedResources = copy(includedNamespaceScopedResources);
    excludedNamespaceScopedResources = copy(excludedNamespaceScopedResources);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Old-style filter fields only. */
  public static ResourceFilterSpec old(
      List<String> includedResources,
      List<String> excludedResources,
      Boolean includeClusterResources) {
    return new ResourceFilterSpec(
        includedResources, excludedResources, includeClusterResources, null, null, null, null);
  }

  /** New-style (scoped) filter fields only. */
  public static ResourceFilterSpec scoped(
      List<String> includedClusterScoped,
      List<String> excludedClusterScoped,
      List<String> includedNamespaceScoped,
      List<String> excludedNamespaceScoped) {
    return new ResourceFilterSpec(
        null,
        null,
        null,
        includedClusterScoped,
        excludedClusterScoped,
        includedNamespaceScoped,
        excludedNamespaceScoped);
  }

  /**
   * Velero's {@code UseOldResourceFilters}: {@code includeClusterResources} set, or {@code
   * includedResources} / {@code excludedResources} non-empty. Otherwise (every filter empty
   * included) the scoped mode.
   */
  public boolean useOldFilters() {
    return includeClusterResources != null
        || !includedResources.isEmpty()
        || !excludedResources.isEmpty();
  }

  /** Whether old and new filter fields are both used (a validation error). */
  public boolean mixesOldAndNew() {
    boolean hasNew =
        !includedClusterScopedResources.isEmpty()
            || !excludedClusterScopedResources.isEmpty()
            || !includedNamespaceScopedResources.isEmpty()
            || !excludedNamespaceScopedResources.isEmpty();
    return useOldFilters() && hasNew;
  }

  /**
   * The validation messages of {@code prepareBackupRequest} for resource filters, in Velero's
   * order: {@link #MIXED_FILTERS_MESSAGE}; then in old mode the old-list errors prefixed {@link
   * #OLD_PREFIX}, in scoped mode the cluster-scoped errors ({@link #CLUSTER_PREFIX}) and then the
   * namespace-scoped ones ({@link #NAMESPACE_PREFIX}). Empty when valid.
   */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    if (mixesOldAndNew()) {
      errors.add(MIXED_FILTERS_MESSAGE);
    }
    if (useOldFilters()) {
      IncludesExcludes.validate(includedResources, excludedResources)
          .forEach(e -> errors.add(OLD_PREFIX + e));
    } else {
      IncludesExcludes.validateScoped(
              includedClusterScopedResources, excludedClusterScopedResources)
          .forEach(e -> errors.add(CLUSTER_PREFIX + e));
      IncludesExcludes.validateScoped(
              includedNamespaceScopedResources, excludedNamespaceScopedResources)
          .forEach(e -> errors.add(NAMESPACE_PREFIX + e));
    }
    return errors;
  }

  /**
   * The spec as Velero's controller rewrites and persists it (§5.5): in old mode both CSI types are
   * added to {@code excludedResources}; in scoped mode VolumeSnapshots to the namespace-scoped and
   * VolumeSnapshotContents to the cluster-scoped excludes; include entries equal to an exclude are
   * removed. As in Velero, a list pair that fails validation is left unchanged.
   */
  public ResourceFilterSpec withAutomaticExcludes() {
    if (useOldFilters()) {
      if (!IncludesExcludes.validate(includedResources, excludedResources).isEmpty()) {
        return this;
      }
      AutomaticExcludes.Lists l =
          AutomaticExcludes.add(includedResources, excludedResources, AutomaticExcludes.ALL);
      return new ResourceFilterSpec(
          l.includes(),
          l.excludes(),
          includeClusterResources,
          includedClusterScopedResources,
          excludedClusterScopedResources,
          includedNamespaceScopedResources,
          excludedNamespaceScopedResources);
    }
    List<String> ci = includedClusterScopedResources;
    List<String> ce = excludedClusterScopedResources;
    if (IncludesExcludes.validateScoped(ci, ce).isEmpty()) {
      AutomaticExcludes.Lists l = AutomaticExcludes.add(ci, ce, AutomaticExcludes.CLUSTER_SCOPED);
      ci = l.includes();
      ce = l.excludes();
    }
    List<String> ni = includedNamespaceScopedResources;
    List<String> ne = excludedNamespaceScopedResources;
    if (IncludesExcludes.validateScoped(ni, ne).isEmpty()) {
      AutomaticExcludes.Lists l = AutomaticExcludes.add(ni, ne, AutomaticExcludes.NAMESPACE_SCOPED);
      ni = l.includes();
      ne = l.excludes();
    }
    return new ResourceFilterSpec(
        includedResources, excludedResources, includeClusterResources, ci, ce, ni, ne);
  }
}
