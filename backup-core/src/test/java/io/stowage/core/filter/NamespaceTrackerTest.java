package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceTrackerTest {
  private static final List<String> CLUSTER = List.of("ns1", "ns2", "ns3");

  @Test
  void activeNamespacesPassingTheFilterAreTracked() {
    NamespaceTracker t =
        new NamespaceTracker(
            NamespaceFilter.create(List.of("ns1", "ns2"), null, CLUSTER), null, null);
    t.considerNamespace("ns1", "Active", Map.of());
    t.considerNamespace("ns2", "Terminating", Map.of());
    t.considerNamespace("ns3", "Active", Map.of());
    assertThat(t.isTracked("ns1")).isTrue();
    assertThat(t.isTracked("ns2")).isFalse();
    assertThat(t.isTracked("ns3")).isFalse();
  }

  @Test
  void collectedItemsTrackTheirNamespaceEvenWhenExcluded() {
    NamespaceTracker t =
        new NamespaceTracker(
            NamespaceFilter.create(List.of("*"), List.of("ns3"), CLUSTER), null, null);
    t.considerNamespace("ns3", "Active", Map.of());
    assertThat(t.isTracked("ns3")).isFalse();
    t.trackCollectedItem("ns3");
    assertThat(t.isTracked("ns3")).isTrue();
  }

  @Test
  void withEverythingFilterAndASelectorOnlyMatchingLabelsCount() {
    NamespaceFilter all = NamespaceFilter.create(List.of("*"), null, CLUSTER);
    NamespaceTracker t = new NamespaceTracker(all, LabelSelector.of(Map.of("backup", "yes")), null);
    t.considerNamespace("ns1", "Active", Map.of("backup", "yes"));
    t.considerNamespace("ns2", "Active", Map.of());
    assertThat(t.isTracked("ns1")).isTrue();
    assertThat(t.isTracked("ns2")).isFalse();
  }

  @Test
  void withANamespaceFilterTheUnionOfNamesAndLabelsIsTracked() {
    NamespaceTracker t =
        new NamespaceTracker(
            NamespaceFilter.create(List.of("ns2"), null, CLUSTER),
            null,
            List.of(LabelSelector.of(Map.of("a", "1")), LabelSelector.of(Map.of("b", "1"))));
    t.considerNamespace("ns1", "Active", Map.of("b", "1"));
    t.considerNamespace("ns2", "Active", Map.of());
    t.considerNamespace("ns3", "Active", Map.of("c", "1"));
    assertThat(t.isTracked("ns1")).isTrue();
    assertThat(t.isTracked("ns2")).isTrue();
    assertThat(t.isTracked("ns3")).isFalse();
  }
}
