package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceFilterSpecTest {
  @Test
  void modeSelection() {
    assertThat(ResourceFilterSpec.NONE.useOldFilters()).isFalse();
    assertThat(ResourceFilterSpec.old(null, null, false).useOldFilters()).isTrue();
    assertThat(ResourceFilterSpec.old(List.of("pods"), null, null).useOldFilters()).isTrue();
    assertThat(ResourceFilterSpec.old(null, List.of("pods"), null).useOldFilters()).isTrue();
    assertThat(ResourceFilterSpec.scoped(List.of("nodes"), null, null, null).useOldFilters())
        .isFalse();
  }

  @Test
  void mixingModesGivesTheThreeLineMessage() {
    ResourceFilterSpec mixed =
        new ResourceFilterSpec(List.of("pods"), null, null, null, null, null, List.of("secrets"));
    assertThat(mixed.validate())
        .containsExactly(
            "include-resources, exclude-resources and include-cluster-resources are old filter"
                + " parameters.\n"
                + "include-cluster-scoped-resources, exclude-cluster-scoped-resources,"
                + " include-namespace-scoped-resources and exclude-namespace-scoped-resources are"
                + " new filter parameters.\n"
                + "They cannot be used together");
  }

  @Test
  void oldListErrors() {
    assertThat(ResourceFilterSpec.old(List.of("*", "pods"), List.of("pods"), null).validate())
        .containsExactly(
            "Invalid included/excluded resource lists: includes list must either contain '*'"
                + " only, or a non-empty list of items",
            "Invalid included/excluded resource lists: excludes list cannot contain an item in"
                + " the includes list: pods");
    assertThat(ResourceFilterSpec.old(null, List.of("*"), null).validate())
        .containsExactly(
            "Invalid included/excluded resource lists: excludes list cannot contain '*'");
  }

  @Test
  void scopedListErrors() {
    assertThat(
            ResourceFilterSpec.scoped(
                    List.of("nodes"), List.of("*"), List.of("a"), List.of("a", "*"))
                .validate())
        .containsExactly(
            "Invalid cluster-scoped included/excluded resource lists: when exclude is '*', include"
                + " cannot have value",
            "Invalid namespace-scoped included/excluded resource lists: excludes list must either"
                + " contain '*' only, or a non-empty list of items",
            "Invalid namespace-scoped included/excluded resource lists: when exclude is '*',"
                + " include cannot have value",
            "Invalid namespace-scoped included/excluded resource lists: excludes list cannot"
                + " contain an item in the includes list: a");
    assertThat(ResourceFilterSpec.scoped(null, List.of("*"), null, null).validate()).isEmpty();
  }

  @Test
  void automaticExcludesInOldMode() {
    ResourceFilterSpec s =
        ResourceFilterSpec.old(
                List.of("pods", "volumesnapshots.snapshot.storage.k8s.io"),
                List.of("secrets"),
                null)
            .withAutomaticExcludes();
    assertThat(s.includedResources()).containsExactly("pods");
    assertThat(s.excludedResources())
        .containsExactly(
            "secrets",
            "volumesnapshots.snapshot.storage.k8s.io",
            "volumesnapshotcontents.snapshot.storage.k8s.io");
    assertThat(s.withAutomaticExcludes()).isEqualTo(s);
  }

  @Test
  void automaticExcludesNotAppliedToInvalidLists() {
    ResourceFilterSpec invalid = ResourceFilterSpec.old(null, List.of("*"), null);
    assertThat(invalid.withAutomaticExcludes()).isEqualTo(invalid);
  }

  @Test
  void automaticExcludesInScopedModePerScope() {
    ResourceFilterSpec s =
        ResourceFilterSpec.scoped(
                List.of("volumesnapshotcontents.snapshot.storage.k8s.io", "nodes"),
                null,
                null,
                null)
            .withAutomaticExcludes();
    assertThat(s.includedClusterScopedResources()).containsExactly("nodes");
    assertThat(s.excludedClusterScopedResources())
        .containsExactly("volumesnapshotcontents.snapshot.storage.k8s.io");
    assertThat(s.excludedNamespaceScopedResources())
        .containsExactly("volumesnapshots.snapshot.storage.k8s.io");
    assertThat(s.useOldFilters()).isFalse();
  }
}
