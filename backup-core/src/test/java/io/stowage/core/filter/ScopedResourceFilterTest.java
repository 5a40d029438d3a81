package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopedResourceFilterTest extends FilterFixture {
  private ResourceFilter scoped(
      List<String> clusterIncludes,
      List<String> clusterExcludes,
      List<String> namespacedIncludes,
      List<String> namespacedExcludes,
      NamespaceFilter ns) {
    ResourceFilter f =
        filter(
            ResourceFilterSpec.scoped(
                clusterIncludes, clusterExcludes, namespacedIncludes, namespacedExcludes),
            ns);
    assertThat(f.oldMode()).isFalse();
    return f;
  }

  @Test
  void noFiltersIsAFullBackupOfEveryClusterType() {
    ResourceFilter f = filter(ResourceFilterSpec.NONE, allNamespaces());
    assertThat(listedClusterTypes(f)).containsExactlyElementsOf(ALL_CLUSTER_TYPES_BUT_VSC);
    assertThat(f.listType(type("pods"))).isTrue();
    assertThat(f.crdsListed()).isTrue();
    assertThat(f.backUpCrdsOfCustomResources()).isFalse();
  }

  @Test
  void automaticCsiExcludesDoNotTurnOffTheFullBackup() {
    // The spec as the controller persists it, with the automatic excludes in its lists.
    ResourceFilterSpec persisted = ResourceFilterSpec.NONE.withAutomaticExcludes();
    assertThat(persisted.excludedNamespaceScopedResources())
        .containsExactly("volumesnapshots.snapshot.storage.k8s.io");
    assertThat(persisted.excludedClusterScopedResources())
        .containsExactly("volumesnapshotcontents.snapshot.storage.k8s.io");
    ResourceFilter f = filter(persisted, allNamespaces());
    assertThat(listedClusterTypes(f)).containsExactlyElementsOf(ALL_CLUSTER_TYPES_BUT_VSC);
    assertThat(f.listType(type("vs"))).isFalse();
    assertThat(f.listType(type("vsc"))).isFalse();
    assertThat(f.excludesClusterItem(AutomaticExcludes.VOLUME_SNAPSHOT_CONTENTS)).isTrue();
    assertThat(f.includesItem(AutomaticExcludes.VOLUME_SNAPSHOTS, "ns1")).isFalse();
  }

  @Test
  void anyUserNamespacedExcludeTurnsOffTheFullBackup() {
    ResourceFilter f = scoped(null, null, null, List.of("secrets"), allNamespaces());
    assertThat(listedClusterTypes(f)).containsExactly("namespaces");
    assertThat(f.listType(type("secrets"))).isFalse();
    assertThat(f.listType(type("pods"))).isTrue();
  }

  @Test
  void anyUserClusterExcludeTurnsOffTheFullBackup() {
    ResourceFilter f = scoped(null, List.of("nodes"), null, null, allNamespaces());
    assertThat(listedClusterTypes(f)).containsExactly("namespaces");
  }

  @Test
  void namespacedIncludesOrANamespaceFilterTurnOffTheFullBackup() {
    assertThat(listedClusterTypes(scoped(null, null, List.of("pods"), null, allNamespaces())))
        .containsExactly("namespaces");
    assertThat(listedClusterTypes(filter(ResourceFilterSpec.NONE, namespaces("ns1"))))
        .containsExactly("namespaces");
    assertThat(
            listedClusterTypes(
                filter(
                    ResourceFilterSpec.NONE,
                    NamespaceFilter.create(List.of("*"), List.of("ns2"), CLUSTER_NAMESPACES))))
        .containsExactly("namespaces");
  }

  @Test
  void starNamespacedIncludesKeepTheFullBackup() {
    assertThat(listedClusterTypes(scoped(null, null, List.of("*"), null, allNamespaces())))
        .containsExactlyElementsOf(ALL_CLUSTER_TYPES_BUT_VSC);
  }

  @Test
  void namespacesAreAlwaysAllowed() {
    ResourceFilter f = scoped(List.of("storageclasses"), null, null, null, namespaces("ns1"));
    assertThat(listedClusterTypes(f))
        .containsExactly("namespaces", "storageclasses.storage.k8s.io");
  }

  @Test
  void clusterExcludeStarListsNoClusterTypeNotEvenNamespaces() {
    ResourceFilter f = scoped(null, List.of("*"), null, null, allNamespaces());
    assertThat(listedClusterTypes(f)).isEmpty();
    assertThat(f.excludesClusterItem(gr("persistentvolumes"))).isTrue();
  }

  @Test
  void clusterIncludeStarListsEveryClusterType() {
    ResourceFilter f = scoped(List.of("*"), null, List.of("pods"), null, namespaces("ns1"));
    assertThat(listedClusterTypes(f)).containsExactlyElementsOf(ALL_CLUSTER_TYPES_BUT_VSC);
    assertThat(f.listType(type("secrets"))).isFalse();
  }

  @Test
  void namespacedTypes() {
    ResourceFilter inc = scoped(null, null, List.of("deploy.apps", "cm"), null, allNamespaces());
    assertThat(listed(inc)).containsExactly("configmaps", "namespaces", "deployments.apps");
    ResourceFilter exStar = scoped(List.of("nodes"), null, null, List.of("*"), allNamespaces());
    assertThat(listed(exStar)).containsExactly("namespaces", "nodes");
  }

  @Test
  void entriesOfTheWrongScopeAreDropped() {
    // persistentvolumes is cluster-scoped: dropped from the namespaced includes, which become empty
    ResourceFilter f = scoped(null, null, List.of("persistentvolumes"), null, namespaces("ns1"));
    assertThat(f.listType(type("secrets"))).isTrue();
    assertThat(f.listType(type("persistentvolumes"))).isFalse();
  }

  @Test
  void unresolvableEntriesActAsGlobs() {
    ResourceFilter f =
        scoped(null, List.of("*.example.com"), null, List.of("*.example.com"), allNamespaces());
    assertThat(f.listType(type("widgets.example.com"))).isFalse();
    assertThat(f.listType(type("gadgets.example.com"))).isFalse();
    assertThat(f.excludesClusterItem(gr("gadgets.example.com"))).isTrue();
  }

  @Test
  void itemLevelExclusionIsTheExcludeListOfItsScope() {
    ResourceFilter f =
        scoped(
            List.of("storageclasses"), List.of("pv"), null, List.of("secrets"), namespaces("ns1"));
    assertThat(f.excludesClusterItem(gr("persistentvolumes"))).isTrue();
    // not included and not excluded: a related item (e.g. a ClusterRole via a ServiceAccount) is
    // kept
    assertThat(f.excludesClusterItem(gr("clusterroles.rbac.authorization.k8s.io"))).isFalse();
    assertThat(f.includesItem(gr("clusterroles.rbac.authorization.k8s.io"), "")).isTrue();
    assertThat(f.includesItem(gr("secrets"), "ns1")).isFalse();
    assertThat(f.includesItem(gr("pods"), "ns1")).isTrue();
    assertThat(f.includesItem(gr("pods"), "ns2")).isFalse();
  }

  @Test
  void crdStep() {
    ResourceFilter ns = filter(ResourceFilterSpec.NONE, namespaces("ns1"));
    assertThat(ns.backUpCrdsOfCustomResources()).isTrue();
    ResourceFilter excluded = scoped(null, List.of("crd"), null, null, namespaces("ns1"));
    assertThat(excluded.crdsExcluded()).isTrue();
    assertThat(excluded.backUpCrdsOfCustomResources()).isFalse();
    ResourceFilter included = scoped(List.of("crd"), null, null, null, namespaces("ns1"));
    assertThat(included.crdsListed()).isTrue();
    assertThat(included.backUpCrdsOfCustomResources()).isFalse();
  }

  @Test
  void describesItselfLikeVelero() {
    assertThat(scoped(List.of("sc"), null, null, List.of("secrets"), allNamespaces()).describe())
        .containsExactly(
            "Including namespace-scoped resources: *",
            "Excluding namespace-scoped resources: secrets,"
                + " volumesnapshots.snapshot.storage.k8s.io",
            "Including cluster-scoped resources: [storageclasses.storage.k8s.io]",
            "Excluding cluster-scoped resources:"
                + " volumesnapshotcontents.snapshot.storage.k8s.io");
  }
}
