package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceResolverTest {
  private final ResourceResolver resolver = TestDiscovery.resolver();

  @Test
  void pluralSingularAndKindResolve() {
    assertThat(resolver.canonical("pods")).isEqualTo("pods");
    assertThat(resolver.canonical("pod")).isEqualTo("pods");
    assertThat(resolver.canonical("statefulset")).isEqualTo("statefulsets.apps");
    assertThat(resolver.canonical("StorageClass")).isEqualTo("storageclasses.storage.k8s.io");
  }

  @Test
  void anyCapitalisationOfTheResourceResolves() {
    assertThat(resolver.canonical("PODS")).isEqualTo("pods");
    assertThat(resolver.canonical("PersistentVolumeClaim")).isEqualTo("persistentvolumeclaims");
    assertThat(resolver.canonical("StatefulSets.apps")).isEqualTo("statefulsets.apps");
  }

  @Test
  void shortNamesExpand() {
    assertThat(resolver.canonical("svc")).isEqualTo("services");
    assertThat(resolver.canonical("pvc")).isEqualTo("persistentvolumeclaims");
    assertThat(resolver.canonical("sts")).isEqualTo("statefulsets.apps");
    assertThat(resolver.canonical("crd"))
        .isEqualTo("customresourcedefinitions.apiextensions.k8s.io");
    assertThat(resolver.canonical("deploy.apps")).isEqualTo("deployments.apps");
  }

  @Test
  void shortNamesAreCaseSensitiveAsInKubectlsExpander() {
    // The expander compares short names before the RESTMapper lowercases the resource.
    assertThat(resolver.resolve("SVC")).isEmpty();
    assertThat(resolver.canonical("SVC")).isEqualTo("SVC");
  }

  @Test
  void qualifiedNamesSplitAtTheFirstDot() {
    assertThat(resolver.canonical("deployments.apps")).isEqualTo("deployments.apps");
    assertThat(resolver.canonical("deployments.extensions")).isEqualTo("deployments.extensions");
    assertThat(resolver.canonical("volumesnapshots.snapshot.storage.k8s.io"))
        .isEqualTo("volumesnapshots.snapshot.storage.k8s.io");
  }

  @Test
  void groupPrefixMatches() {
    assertThat(resolver.canonical("storageclass.storage"))
        .isEqualTo("storageclasses.storage.k8s.io");
    assertThat(resolver.canonical("sc.storage")).isEqualTo("storageclasses.storage.k8s.io");
  }

  @Test
  void coreGroupWinsThenDiscoveryOrder() {
    assertThat(resolver.canonical("events")).isEqualTo("events");
    assertThat(resolver.canonical("ev")).isEqualTo("events");
    assertThat(resolver.canonical("events.events.k8s.io")).isEqualTo("events.events.k8s.io");
    // extensions comes before apps in this discovery, so the RESTMapper prefers it.
    assertThat(resolver.canonical("deployments")).isEqualTo("deployments.extensions");
  }

  @Test
  void unresolvableEntriesAreKeptVerbatim() {
    assertThat(resolver.resolve("*.example.com")).isEmpty();
    assertThat(resolver.canonical("*.example.com")).isEqualTo("*.example.com");
    assertThat(resolver.canonical("nosuchthing")).isEqualTo("nosuchthing");
    assertThat(resolver.canonical("pods.nosuchgroup")).isEqualTo("pods.nosuchgroup");
  }

  @Test
  void typesThatCannotBeBackedUpDoNotResolve() {
    assertThat(resolver.resolve("bindings")).isEmpty();
    assertThat(resolver.resolve("subjectaccessreviews")).isEmpty();
    assertThat(resolver.resolve("pods/log")).isEmpty();
  }

  @Test
  void oldStyleStarKeptInIncludesDroppedFromExcludes() {
    assertThat(resolver.canonicalIncludes(List.of("*", "deploy.apps", "deployments.apps")))
        .containsExactly("*", "deployments.apps");
    assertThat(resolver.canonicalExcludes(List.of("*", "svc", "*.example.com")))
        .containsExactly("services", "*.example.com");
  }

  @Test
  void scopedEntriesOfTheOtherScopeAreDropped() {
    assertThat(resolver.canonicalScoped(List.of("*", "pv", "pods", "foo.bar"), true))
        .containsExactly("*", "pods", "foo.bar");
    assertThat(resolver.canonicalScoped(List.of("*", "pv", "pods"), false))
        .containsExactly("*", "persistentvolumes");
  }

  @Test
  void collectionOrderPutsPodsPvcsPvsFirstAndExtensionsLast() {
    List<String> order =
        resolver.collectionOrder().stream().map(r -> r.groupResource().toString()).toList();
    assertThat(order.subList(0, 3))
        .containsExactly("pods", "persistentvolumeclaims", "persistentvolumes");
    assertThat(order.subList(3, 10))
        .containsExactly(
            "configmaps",
            "events",
            "namespaces",
            "nodes",
            "secrets",
            "serviceaccounts",
            "services");
    assertThat(order.subList(order.size() - 4, order.size()))
        .containsExactly(
            "daemonsets.extensions",
            "deployments.extensions",
            "networkpolicies.extensions",
            "replicasets.extensions");
    assertThat(order)
        .doesNotContain("bindings", "pods/log", "subjectaccessreviews.authorization.k8s.io");
    assertThat(order.get(10)).isEqualTo("daemonsets.apps");
  }

  @Test
  void lookupsByGroupResourceAndKind() {
    assertThat(resolver.byGroupResource(new GroupResource("apps", "deployments")))
        .map(ApiResource::kind)
        .contains("Deployment");
    assertThat(resolver.byGroupResource(GroupResource.core("bindings"))).isEmpty();
    assertThat(resolver.byKind("apps", "StatefulSet"))
        .map(ApiResource::resource)
        .contains("statefulsets");
    assertThat(resolver.byKind("", "Pod")).map(ApiResource::resource).contains("pods");
    assertThat(resolver.byKind("apps", "statefulset")).isEmpty();
  }

  @Test
  void singularNameFromDiscoveryIsUsed() {
    ApiResource odd =
        new ApiResource(
            "x.io", "v1", "people", "person", "Human", true, TestDiscovery.ALL_VERBS, List.of());
    ResourceResolver r =
        new ResourceResolver(
            new Cluster.Discovery(List.of(TestDiscovery.group("x.io", odd)), List.of()));
    assertThat(r.canonical("person")).isEqualTo("people.x.io");
    assertThat(r.resolve("human")).isEmpty(); // the kind is matched only as the singular name
  }
}
