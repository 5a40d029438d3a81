package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of every resource type the server announces: the built-ins plus the
 * resources of the CRDs stored at the time it was built. A CRD resource replaces a built-in one
 * with the same group, version and plural.
 */
final class ApiCatalog {

  /**
   * A non-core API group.
   *
   * @param name group name
   * @param versions served versions, most preferred first
   * @param preferredVersion the version {@code /apis} names as preferred
   */
  record Group(String name, List<String> versions, String preferredVersion) {}

  private final Map<String, List<ResourceType>> byGroupVersion;
  private final Map<String, ResourceType> byPlural;
  private final Map<String, ResourceType> byKind;
  private final List<Group> groups;

  private ApiCatalog(List<ResourceType> builtins, List<CustomResourceDefinition> crds) {
    Map<String, ResourceType> types = new LinkedHashMap<>();
    Map<String, Set<String>> preferredCandidates = new LinkedHashMap<>();
    for (ResourceType t : builtins) {
      types.put(pluralKey(t.group(), t.version(), t.plural()), t);
      preferredCandidates.computeIfAbsent(t.group(), g -> new LinkedHashSet<>()).add(t.version());
    }
    List<ResourceType> crdTypes = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      List<ResourceType> served = CrdResourceTypes.of(crd);
      crdTypes.addAll(served);
      if (!served.isEmpty()) {
        String group = served.get(0).group();
        String preferred = CrdResourceTypes.storageVersion(crd).orElse(served.get(0).version());
        preferredCandidates.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(preferred);
      }
    }
    crdTypes.sort((a, b) -> (a.group() + "/" + a.plural()).compareTo(b.group() + "/" + b.plural()));
    for (ResourceType t : crdTypes) {
      types.put(pluralKey(t.group(), t.version(), t.plural()), t);
    }

    byGroupVersion = new LinkedHashMap<>();
    byPlural = new LinkedHashMap<>();
    byKind = new LinkedHashMap<>();
    Map<String, Set<String>> versionsByGroup = new LinkedHashMap<>();
    for (ResourceType t : types.values()) {
      byGroupVersion.computeIfAbsent(t.groupVersion(), gv -> new ArrayList<>()).add(t);
      byPlural.put(pluralKey(t.group(), t.version(), t.plural()), t);
      byKind.putIfAbsent(pluralKey(t.group(), t.version(), t.kind()), t);
      versionsByGroup.computeIfAbsent(t.group(), g -> new LinkedHashSet<>()).add(t.version());
    }
    groups = new ArrayList<>();
    versionsByGroup.forEach(
        (name, versionSet) -> {
          if (name.isEmpty()) {
            return;
          }
          List<String> versions = new ArrayList<>(versionSet);
          versions.sort(KubeVersions.BY_PRIORITY);
          String preferred =
              preferredCandidates.getOrDefault(name, Set.of()).stream()
                  .filter(versionSet::contains)
                  .min(KubeVersions.BY_PRIORITY)
                  .orElse(versions.get(0));
          groups.add(new Group(name, List.copyOf(versions), preferred));
        });
  }

  /** Builds a catalog of {@code builtins} plus the resources of {@code crds}. */
  static ApiCatalog of(List<ResourceType> builtins, List<CustomResourceDefinition> crds) {
    return new ApiCatalog(builtins, crds);
  }

  /** The resources of one group version ({@code v1} for core), or empty when it is not served. */
  Optional<List<ResourceType>> resources(String groupVersion) {
    return Optional.ofNullable(byGroupVersion.get(groupVersion)).map(List::copyOf);
  }

  /** Non-core groups, built-ins first in table order, then CRD-only groups by name. */
  List<Group> groups() {
    return List.copyOf(groups);
  }

  /** The named non-core group, if served. */
  Optional<Group> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** Looks a resource up by group ("" for core), version and plural. */
  Optional<ResourceType> byPlural(String group, String version, String plural) {
    return Optional.ofNullable(byPlural.get(pluralKey(group, version, plural)));
  }

  /** Looks a resource up by group ("" for core), version and kind. */
  Optional<ResourceType> byKind(String group, String version, String kind) {
    return Optional.ofNullable(byKind.get(pluralKey(group, version, kind)));
  }

  private static String pluralKey(String group, String version, String name) {
    return group + "/" + version + "/" + name;
  }
}
