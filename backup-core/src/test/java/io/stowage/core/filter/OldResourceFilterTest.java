package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OldResourceFilterTest extends FilterFixture {
  private ResourceFilter old(
      List<String> includes, List<String> excludes, Boolean icr, NamespaceFilter ns) {
    ResourceFilter f = filter(ResourceFilterSpec.old(includes, excludes, icr), ns);
    assertThat(f.oldMode()).isTrue();
    return f;
  }

  @Test
  void includeClusterResourcesFalseNeverListsClusterTypesNotEvenNamespaces() {
    ResourceFilter f = old(List.of(), List.of(), false, allNamespaces());
    assertThat(listedClusterTypes(f)).isEmpty();
    assertThat(f.listType(type("namespaces"))).isFalse();
    assertThat(f.listType(type("pods"))).isTrue();
    assertThat(f.listType(type("secrets"))).isTrue();
  }

  @Test
  void includeClusterResourcesFalseListsIncludedNamespacedTypes() {
    ResourceFilter f = old(List.of("pods"), List.of(), false, allNamespaces());
    assertThat(f.listType(type("pods"))).isTrue();
    assertThat(f.listType(type("secrets"))).isFalse();
  }

  @Test
  void includeClusterResourcesTrueListsIncludedClusterTypes() {
    ResourceFilter f = old(List.of(), List.of("nodes"), true, namespaces("ns1"));
    assertThat(listedClusterTypes(f))
        .containsExactlyElementsOf(
            ALL_CLUSTER_TYPES_BUT_VSC.stream().filter(t -> !t.equals("nodes")).toList());
    ResourceFilter only = old(List.of("storageclasses"), List.of(), true, namespaces("ns1"));
    assertThat(listedClusterTypes(only)).containsExactly("storageclasses.storage.k8s.io");
  }

  @Test
  void includeClusterResourcesNilWithAllNamespacesListsIncludedClusterTypes() {
    ResourceFilter f = old(List.of(), List.of("configmaps"), null, allNamespaces());
    assertThat(listedClusterTypes(f)).containsExactlyElementsOf(ALL_CLUSTER_TYPES_BUT_VSC);
    assertThat(f.listType(type("configmaps"))).isFalse();
  }

  @Test
  void includeClusterResourcesNilWithNamespaceFilterListsOnlyNamespacesAmongClusterTypes() {
    ResourceFilter f = old(List.of(), List.of("configmaps"), null, namespaces("ns1"));
    assertThat(listedClusterTypes(f)).containsExactly("namespaces");
    assertThat(f.listType(type("pods"))).isTrue();
  }

  @Test
  void namespacesExemptionStillNeedsTheResourceFilter() {
    ResourceFilter f = old(List.of("pods"), List.of(), null, namespaces("ns1"));
    assertThat(listedClusterTypes(f)).isEmpty();
  }

  @Test
  void persistentVolumesAsAdditionalItemsExcludedWithIncludedPodsAndNil() {
    ResourceFilter f = old(List.of("pods"), List.of(), null, allNamespaces());
    assertThat(f.excludesClusterItem(gr("persistentvolumes"))).isTrue();
    assertThat(f.includesItem(gr("persistentvolumes"), "")).isFalse();
    // the same with includeClusterResources true, or nothing included explicitly: kept
    assertThat(
            old(List.of("pods"), List.of(), true, allNamespaces())
                .excludesClusterItem(gr("persistentvolumes")))
        .isFalse();
    assertThat(
            old(List.of(), List.of("secrets"), null, namespaces("ns1"))
                .excludesClusterItem(gr("persistentvolumes")))
        .isFalse();
  }

  @Test
  void clusterItemsExcludedWhenIncludeClusterResourcesFalse() {
    ResourceFilter f = old(List.of(), List.of(), false, allNamespaces());
    assertThat(f.excludesClusterItem(gr("persistentvolumes"))).isTrue();
    assertThat(f.includesItem(gr("namespaces"), "")).isTrue(); // Namespace objects are not checked
  }

  @Test
  void clusterItemsExcludedWhenTheyMatchAnExclude() {
    ResourceFilter f = old(List.of(), List.of("pv"), true, allNamespaces());
    assertThat(f.excludesClusterItem(gr("persistentvolumes"))).isTrue();
    assertThat(f.excludesClusterItem(gr("storageclasses.storage.k8s.io"))).isFalse();
    assertThat(f.excludesClusterItem(gr("nosuch.example.org"))).isTrue(); // unknown type
  }

  @Test
  void starIsDroppedFromOldExcludes() {
    ResourceFilter f = old(List.of(), List.of("*", "secrets"), null, allNamespaces());
    assertThat(f.listType(type("pods"))).isTrue();
    assertThat(f.listType(type("secrets"))).isFalse();
  }

  @Test
  void unresolvableEntriesActAsGlobs() {
    ResourceFilter f = old(List.of(), List.of("*.example.com"), null, allNamespaces());
    assertThat(f.listType(type("widgets.example.com"))).isFalse();
    assertThat(f.listType(type("gadgets.example.com"))).isFalse();
    assertThat(f.listType(type("pods"))).isTrue();
    ResourceFilter inc = old(List.of("*.apps"), List.of(), null, allNamespaces());
    assertThat(listed(inc))
        .containsExactly(
            "daemonsets.apps", "deployments.apps", "replicasets.apps", "statefulsets.apps");
  }

  @Test
  void shortNamesAndKindsInFilters() {
    ResourceFilter f = old(List.of("Pod", "svc", "deploy.apps"), List.of(), null, allNamespaces());
    assertThat(listed(f)).containsExactly("pods", "services", "deployments.apps");
  }

  @Test
  void namespacedItemsNeedTheirNamespaceAndType() {
    ResourceFilter f = old(List.of("pods"), List.of(), null, namespaces("ns1"));
    assertThat(f.includesItem(gr("pods"), "ns1")).isTrue();
    assertThat(f.includesItem(gr("pods"), "ns2")).isFalse();
    assertThat(f.includesItem(gr("secrets"), "ns1")).isFalse();
  }

  @Test
  void automaticCsiExcludesApplyAtItemLevel() {
    ResourceFilter f = old(List.of(), List.of(), true, allNamespaces());
    assertThat(f.listType(type("volumesnapshots.snapshot.storage.k8s.io"))).isFalse();
    assertThat(f.listType(type("volumesnapshotcontents.snapshot.storage.k8s.io"))).isFalse();
    assertThat(f.excludesClusterItem(AutomaticExcludes.VOLUME_SNAPSHOT_CONTENTS)).isTrue();
    assertThat(f.includesItem(AutomaticExcludes.VOLUME_SNAPSHOTS, "ns1")).isFalse();
    assertThat(f.listType(type("volumesnapshotclasses.snapshot.storage.k8s.io"))).isTrue();
  }

  @Test
  void crdStepRunsOnlyWhenCrdsAreNeitherExcludedNorListed() {
    // explicit includes without CRDs and nil: the CRD type counts as excluded, no CRD step
    ResourceFilter pods =
        old(List.of("pods", "widgets.example.com"), List.of(), null, allNamespaces());
    assertThat(pods.crdsExcluded()).isTrue();
    assertThat(pods.backUpCrdsOfCustomResources()).isFalse();
    // namespace filter, nothing included explicitly: CRDs not listed, CRD step runs
    ResourceFilter ns = old(List.of(), List.of("secrets"), null, namespaces("ns1"));
    assertThat(ns.crdsListed()).isFalse();
    assertThat(ns.crdsExcluded()).isFalse();
    assertThat(ns.backUpCrdsOfCustomResources()).isTrue();
    // listed directly: no CRD step
    ResourceFilter all = old(List.of(), List.of(), true, allNamespaces());
    assertThat(all.crdsListed()).isTrue();
    assertThat(all.backUpCrdsOfCustomResources()).isFalse();
    // explicitly excluded
    ResourceFilter ex = old(List.of(), List.of("crds"), null, namespaces("ns1"));
    assertThat(ex.crdsExcluded()).isTrue();
    assertThat(ex.backUpCrdsOfCustomResources()).isFalse();
  }

  @Test
  void describesItselfLikeVelero() {
    assertThat(old(List.of(), List.of("secrets"), null, allNamespaces()).describe())
        .containsExactly(
            "Including resources: *",
            "Excluding resources: secrets, volumesnapshotcontents.snapshot.storage.k8s.io,"
                + " volumesnapshots.snapshot.storage.k8s.io");
  }
}
