package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import java.util.List;

/** Shorthands shared by the resource filter tests. */
abstract class FilterFixture {
  static final List<String> CLUSTER_NAMESPACES = List.of("default", "ns1", "ns2", "kube-system");

  final ResourceResolver resolver = TestDiscovery.resolver();

  static NamespaceFilter allNamespaces() {
    return NamespaceFilter.create(List.of("*"), List.of(), CLUSTER_NAMESPACES);
  }

  static NamespaceFilter namespaces(String... included) {
    return NamespaceFilter.create(List.of(included), List.of(), CLUSTER_NAMESPACES);
  }

  ResourceFilter filter(ResourceFilterSpec spec, NamespaceFilter namespaces) {
    return ResourceFilter.create(spec, namespaces, resolver);
  }

  ApiResource type(String entry) {
    return resolver.resolve(entry).orElseThrow();
  }

  static GroupResource gr(String canonical) {
    return GroupResource.parse(canonical);
  }

  /** The canonical names of the listed types, in collection order. */
  List<String> listed(ResourceFilter filter) {
    return resolver.collectionOrder().stream()
        .filter(filter::listType)
        .map(r -> r.groupResource().toString())
        .toList();
  }

  /** The listed cluster-scoped types. */
  List<String> listedClusterTypes(ResourceFilter filter) {
    return resolver.collectionOrder().stream()
        .filter(r -> !r.namespaced())
        .filter(filter::listType)
        .map(r -> r.groupResource().toString())
        .toList();
  }

  static final List<String> ALL_CLUSTER_TYPES_BUT_VSC =
      List.of(
          "persistentvolumes",
          "namespaces",
          "nodes",
          "clusterrolebindings.rbac.authorization.k8s.io",
          "clusterroles.rbac.authorization.k8s.io",
          "storageclasses.storage.k8s.io",
          "customresourcedefinitions.apiextensions.k8s.io",
          "volumesnapshotclasses.snapshot.storage.k8s.io",
          "gadgets.example.com");
}
