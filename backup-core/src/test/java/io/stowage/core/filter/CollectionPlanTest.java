package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionPlanTest extends FilterFixture {
  private List<String> typesToList(ResourceFilter f) {
    return CollectionPlan.typesToList(resolver, f).stream()
        .map(r -> r.groupResource().toString())
        .toList();
  }

  @Test
  void firstGroupSeenWinsForTypesInTwoGroups() {
    ResourceFilter all = filter(ResourceFilterSpec.NONE, allNamespaces());
    List<String> types = typesToList(all);
    assertThat(types)
        .contains("deployments.apps", "daemonsets.apps", "replicasets.apps")
        .contains("networkpolicies.networking.k8s.io", "events")
        .doesNotContain(
            "deployments.extensions",
            "daemonsets.extensions",
            "replicasets.extensions",
            "networkpolicies.extensions",
            "events.events.k8s.io");
    assertThat(
            CollectionPlan.plan(resolver, all).stream()
                .filter(s -> s.type().groupResource().toString().equals("deployments.extensions"))
                .map(CollectionPlan.Step::skipReason))
        .containsExactly("Skipping resource because it cohabitates and we've already processed it");
  }

  @Test
  void aGroupRejectedByTheFilterDoesNotCountAsSeen() {
    ResourceFilter f =
        filter(ResourceFilterSpec.old(null, List.of("deployments.apps"), null), allNamespaces());
    assertThat(typesToList(f))
        .contains("deployments.extensions")
        .doesNotContain("deployments.apps");
  }

  @Test
  void orderIsPodsPvcsPvsFirstAndExtensionsLast() {
    List<String> types = typesToList(filter(ResourceFilterSpec.NONE, allNamespaces()));
    assertThat(types.subList(0, 3))
        .containsExactly("pods", "persistentvolumeclaims", "persistentvolumes");
    assertThat(types.get(types.size() - 1)).isEqualTo("gadgets.example.com");
  }

  @Test
  void excludedTypesAreReportedWithVelerosMessage() {
    ResourceFilter f = filter(ResourceFilterSpec.old(List.of("pods"), null, null), allNamespaces());
    assertThat(CollectionPlan.plan(resolver, f).get(1).skipReason())
        .isEqualTo("Skipping resource because it's excluded");
    assertThat(typesToList(f)).containsExactly("pods");
  }
}
