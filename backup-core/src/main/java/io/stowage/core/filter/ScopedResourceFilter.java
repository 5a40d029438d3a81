package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Velero's {@code ScopeIncludesExcludes}: separate list pairs for namespaced and cluster-scoped
 * types.
 *
 * <ul>
 *   <li>Namespaced type: not listed when the namespaced excludes hold {@code *} or match it;
 *       otherwise listed when the namespaced includes are empty, hold {@code *} or match.
 *   <li>Cluster-scoped type: not listed when the cluster excludes hold {@code *} or match it;
 *       otherwise every cluster type is listed when both cluster lists are empty and the namespace
 *       filter and the namespaced filter are "everything" (the full backup); otherwise listed when
 *       the cluster includes hold {@code *} or match, and {@code namespaces} always.
 *   <li>Item level: excluded when it matches the exclude list of its scope.
 * </ul>
 *
 * <p>The automatic CSI excludes are not part of the lists, so they never turn off the full backup
 * (Stowage decision, velero-facts §5.5).
 */
final class ScopedResourceFilter extends TypeFilter {
  private final IncludesExcludes namespaced;
  private final IncludesExcludes cluster;

  ScopedResourceFilter(
      ResourceFilterSpec spec, NamespaceFilter namespaces, ResourceResolver resolver) {
    super(namespaces, resolver);
    this.namespaced =
        IncludesExcludes.of(
            resolver.canonicalScoped(spec.includedNamespaceScopedResources(), true),
            resolver.canonicalScoped(
                AutomaticExcludes.withoutAutomatic(
                    spec.excludedNamespaceScopedResources(), AutomaticExcludes.NAMESPACE_SCOPED),
                true));
    this.cluster =
        IncludesExcludes.of(
            resolver.canonicalScoped(spec.includedClusterScopedResources(), false),
            resolver.canonicalScoped(
                AutomaticExcludes.withoutAutomatic(
                    spec.excludedClusterScopedResources(), AutomaticExcludes.CLUSTER_SCOPED),
                false));
  }

  @Override
  public boolean oldMode() {
    return false;
  }

  @Override
  boolean shouldInclude(String name, ApiResource type) {
    if (AutomaticExcludes.isAutomaticallyExcluded(type.groupResource())) {
      return false;
    }
    if (type.namespaced()) {
      if (namespaced.excludesEntry("*") || namespaced.excludesMatch(name)) {
        return false;
      }
      return namespaced.includes().isEmpty()
          || namespaced.includesEntry("*")
          || namespaced.includesMatch(name);
    }
    if (cluster.excludesEntry("*") || cluster.excludesMatch(name)) {
      return false;
    }
    if (isFullBackup()) {
      return true;
    }
    return cluster.includesEntry("*")
        || cluster.includesMatch(name)
        || name.equals(NAMESPACES.toString());
  }

  /** The "full backup" case: every cluster-scoped type is listed. */
  boolean isFullBackup() {
    return cluster.includes().isEmpty()
        && cluster.excludes().isEmpty()
        && namespaces.includeEverything()
        && namespaced.includeEverything();
  }

  @Override
  public boolean excludesClusterItem(GroupResource type) {
    String name = type.toString();
    if (AutomaticExcludes.isAutomaticallyExcluded(type)) {
      return true;
    }
    Optional<ApiResource> resolved = resolver.resolve(name);
    if (resolved.isEmpty()) {
      return true;
    }
    return resolved.get().namespaced()
        ? namespaced.excludesMatch(name)
        : cluster.excludesMatch(name);
  }

  @Override
  public List<String> describe() {
    List<String> nsExcludes = new ArrayList<>(namespaced.excludes());
    nsExcludes.addAll(AutomaticExcludes.NAMESPACE_SCOPED);
    List<String> clExcludes = new ArrayList<>(cluster.excludes());
    clExcludes.addAll(AutomaticExcludes.CLUSTER_SCOPED);
    return List.of(
        "Including namespace-scoped resources: " + namespaced.includesString(),
        "Excluding namespace-scoped resources: "
            + String.join(", ", nsExcludes.stream().sorted().toList()),
        "Including cluster-scoped resources: [" + String.join(" ", cluster.includes()) + "]",
        "Excluding cluster-scoped resources: "
            + String.join(", ", clExcludes.stream().sorted().toList()));
  }

  @Override
  public String toString() {
    return "ScopedResourceFilter{namespaced " + namespaced + ", cluster " + cluster + "}";
  }
}
