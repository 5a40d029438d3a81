package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionSelectorTest {
  private final ResourceResolver resolver = TestDiscovery.resolver();
  private static final GroupResource PODS = GroupResource.core("pods");
  private static final GroupResource PVS = GroupResource.core("persistentvolumes");

  @Test
  void zeroSelectorAppliesToEverything() {
    ActionSelector s = ActionSelector.resolve(ResourceSelector.ALL, resolver);
    assertThat(s.appliesTo(PODS, "ns1", Map.of())).isTrue();
    assertThat(s.appliesTo(PVS, "", Map.of())).isTrue();
  }

  @Test
  void resourcesResolveThroughDiscovery() {
    ActionSelector s = ActionSelector.resolve(ResourceSelector.resources("pvc", "Pod"), resolver);
    assertThat(s.appliesTo(GroupResource.core("persistentvolumeclaims"), "ns1", Map.of())).isTrue();
    assertThat(s.appliesTo(PODS, "ns1", Map.of())).isTrue();
    assertThat(s.appliesTo(GroupResource.core("secrets"), "ns1", Map.of())).isFalse();
  }

  @Test
  void unresolvableResourcesAreGlobs() {
    ActionSelector s =
        ActionSelector.resolve(ResourceSelector.resources("*.example.com"), resolver);
    assertThat(s.appliesTo(new GroupResource("example.com", "widgets"), "ns1", Map.of())).isTrue();
    assertThat(s.appliesTo(PODS, "ns1", Map.of())).isFalse();
  }

  @Test
  void starDroppedFromExcludes() {
    ActionSelector s =
        ActionSelector.resolve(
            new ResourceSelector(null, null, null, List.of("*", "secrets"), ""), resolver);
    assertThat(s.appliesTo(PODS, "ns1", Map.of())).isTrue();
    assertThat(s.appliesTo(GroupResource.core("secrets"), "ns1", Map.of())).isFalse();
  }

  @Test
  void namespaceFilterAndClusterScopedItems() {
    ActionSelector s =
        ActionSelector.resolve(
            ResourceSelector.ALL.withNamespaces(List.of("app-*"), List.of("app-test")), resolver);
    assertThat(s.appliesTo(PODS, "app-prod", Map.of())).isTrue();
    assertThat(s.appliesTo(PODS, "app-test", Map.of())).isFalse();
    assertThat(s.appliesTo(PODS, "default", Map.of())).isFalse();
    // cluster-scoped items only when the namespace filter is "everything"
    assertThat(s.appliesTo(PVS, "", Map.of())).isFalse();
    ActionSelector star =
        ActionSelector.resolve(ResourceSelector.ALL.withNamespaces(List.of("*"), null), resolver);
    assertThat(star.appliesTo(PVS, "", Map.of())).isTrue();
  }

  @Test
  void labelSelector() {
    ActionSelector s =
        ActionSelector.resolve(
            ResourceSelector.ALL.withLabelSelector("app in (web),!skip"), resolver);
    assertThat(s.appliesTo(PODS, "ns1", Map.of("app", "web"))).isTrue();
    assertThat(s.appliesTo(PODS, "ns1", Map.of("app", "web", "skip", "x"))).isFalse();
    assertThat(s.appliesTo(PODS, "ns1", Map.of())).isFalse();
    assertThat(s.appliesTo(PODS, "ns1", null)).isTrue(); // no metadata: not checked
  }

  @Test
  void badLabelSelectorFailsResolution() {
    assertThatThrownBy(
            () -> ActionSelector.resolve(ResourceSelector.ALL.withLabelSelector("a in"), resolver))
        .isInstanceOf(BackupException.class);
  }
}
