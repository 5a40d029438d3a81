package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresources;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Derives discovery entries from an {@code apiextensions.k8s.io/v1} CustomResourceDefinition. */
final class CrdResourceTypes {

  private CrdResourceTypes() {}

  /**
   * One resource type per served version, with full verbs implied, singular name, short names,
   * categories, scope and the status/scale subresources the version declares. Empty when the CRD
   * lacks the group, names or versions a real API server would insist on.
   */
  static List<ResourceType> of(CustomResourceDefinition crd) {
    CustomResourceDefinitionSpec spec = crd.getSpec();
    if (spec == null
        || isBlank(spec.getGroup())
        || spec.getNames() == null
        || isBlank(spec.getNames().getPlural())
        || isBlank(spec.getNames().getKind())
        || spec.getVersions() == null) {
      return List.of();
    }
    CustomResourceDefinitionNames names = spec.getNames();
    String singular =
        isBlank(names.getSingular())
            ? names.getKind().toLowerCase(Locale.ROOT)
            : names.getSingular();
    boolean namespaced = !"Cluster".equals(spec.getScope());
    List<ResourceType> types = new ArrayList<>();
    for (CustomResourceDefinitionVersion v : spec.getVersions()) {
      if (isBlank(v.getName()) || Boolean.FALSE.equals(v.getServed())) {
        continue;
      }
      List<String> subresources = new ArrayList<>();
      CustomResourceSubresources declared = v.getSubresources();
      if (declared != null && declared.getScale() != null) {
        subresources.add("scale");
      }
      if (declared != null && declared.getStatus() != null) {
        subresources.add("status");
      }
      types.add(
          new ResourceType(
              spec.getGroup(),
              v.getName(),
              names.getPlural(),
              singular,
              names.getKind(),
              namespaced,
              nonNull(names.getShortNames()),
              nonNull(names.getCategories()),
              subresources));
    }
    return types;
  }

  /** The version marked {@code storage: true}, if any. */
  static Optional<String> storageVersion(CustomResourceDefinition crd) {
    if (crd.getSpec() == null || crd.getSpec().getVersions() == null) {
      return Optional.empty();
    }
    return crd.getSpec().getVersions().stream()
        .filter(v -> Boolean.TRUE.equals(v.getStorage()))
        .map(CustomResourceDefinitionVersion::getName)
        .findFirst();
  }

  /**
   * What fabric8's stock CRUD dispatcher needs to know about one served version of a seeded CRD
   * (plural for generic objects, status subresource handling).
   */
  static CustomResourceDefinitionContext context(ResourceType type, String crdName) {
    return new CustomResourceDefinitionContext.Builder()
        .withName(crdName)
        .withGroup(type.group())
        .withVersion(type.version())
        .withPlural(type.plural())
        .withKind(type.kind())
        .withScope(type.namespaced() ? "Namespaced" : "Cluster")
        .withStatusSubresource(type.subresources().contains("status"))
        .build();
  }

  private static List<String> nonNull(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
