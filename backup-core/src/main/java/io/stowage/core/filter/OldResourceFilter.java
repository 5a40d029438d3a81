package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Velero's {@code GlobalIncludesExcludes}: one resource list pair plus {@code
 * includeClusterResources}.
 *
 * <table>
 *   <caption>Whether a type is listed</caption>
 *   <tr><th>includeClusterResources</th><th>cluster-scoped</th><th>namespaced</th></tr>
 *   <tr><td>false</td><td>never, {@code namespaces} included</td><td>if the resource filter
 *       includes it</td></tr>
 *   <tr><td>null</td><td>only when the namespace filter is "everything" and the resource filter
 *       includes it; {@code namespaces} needs only the resource filter</td><td>if included</td></tr>
 *   <tr><td>true</td><td>if included</td><td>if included</td></tr>
 * </table>
 */
final class OldResourceFilter extends TypeFilter {
  private final Boolean includeClusterResources;
  private final IncludesExcludes resources;

  OldResourceFilter(
      ResourceFilterSpec spec, NamespaceFilter namespaces, ResourceResolver resolver) {
    super(namespaces, resolver);
    this.includeClusterResources = spec.includeClusterResources();
    List<String> excludes =
        AutomaticExcludes.withoutAutomatic(spec.excludedResources(), AutomaticExcludes.ALL);
    this.resources =
        IncludesExcludes.of(
            resolver.canonicalIncludes(spec.includedResources()),
            resolver.canonicalExcludes(excludes));
  }

  @Override
  public boolean oldMode() {
    return true;
  }

  @Override
  boolean shouldInclude(String name, ApiResource type) {
    if (AutomaticExcludes.isAutomaticallyExcluded(type.groupResource())) {
      return false;
    }
    if (!type.namespaced() && Boolean.FALSE.equals(includeClusterResources)) {
      return false;
    }
    if (!name.equals(NAMESPACES.toString())
        && !type.namespaced()
        && includeClusterResources == null
        && !namespaces.includeEverything()) {
      return false;
    }
    return resources.shouldInclude(name);
  }

  @Override
  public boolean excludesClusterItem(GroupResource type) {
    String name = type.toString();
    if (AutomaticExcludes.isAutomaticallyExcluded(type) || resources.excludesMatch(name)) {
      return true;
    }
    Optional<ApiResource> resolved = resolver.resolve(name);
    if (resolved.isEmpty()) {
      return true;
    }
    if (!resolved.get().namespaced()) {
      if (Boolean.FALSE.equals(includeClusterResources)) {
        return true;
      }
      return includeClusterResources == null && !resources.shouldInclude(name);
    }
    return false;
  }

  @Override
  public List<String> describe() {
    List<String> excludes = new ArrayList<>(resources.excludes());
    excludes.addAll(AutomaticExcludes.ALL);
    return List.of(
        "Including resources: " + resources.includesString(),
        "Excluding resources: " + String.join(", ", excludes.stream().sorted().toList()));
  }

  @Override
  public String toString() {
    return "OldResourceFilter{"
        + resources
        + ", includeClusterResources="
        + includeClusterResources
        + "}";
  }
}
