package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedResourcesTest {
  private record Item(String namespace, String name) {
    String key() {
      return OrderedResources.key(namespace, name);
    }
  }

  @Test
  void orderedItemsComeFirstThenTheRestInListOrder() {
    OrderedResources o = OrderedResources.of(Map.of("pods", "ns1/c,ns2/a,ns1/gone"));
    List<Item> items =
        List.of(
            new Item("ns1", "a"), new Item("ns1", "b"), new Item("ns1", "c"), new Item("ns2", "a"));
    OrderedResources.Ordered<Item> sorted = o.sort("pods", items, Item::key);
    assertThat(sorted.items())
        .containsExactly(
            new Item("ns1", "c"), new Item("ns2", "a"), new Item("ns1", "a"), new Item("ns1", "b"));
    assertThat(sorted.orderedCount()).isEqualTo(2);
    assertThat(sorted.missing()).containsExactly("ns1/gone");
    assertThat(OrderedResources.missingWarning("ns1/gone"))
        .isEqualTo("Cannot find resource 'ns1/gone'.");
  }

  @Test
  void valuesAreSplitOnCommasWithoutTrimming() {
    OrderedResources o = OrderedResources.of(Map.of("persistentvolumes", "pv1, pv2"));
    assertThat(o.orderFor("persistentvolumes")).containsExactly("pv1", " pv2");
    List<Item> items = List.of(new Item("", "pv2"), new Item("", "pv1"));
    OrderedResources.Ordered<Item> sorted = o.sort("persistentvolumes", items, Item::key);
    assertThat(sorted.items()).containsExactly(new Item("", "pv1"), new Item("", "pv2"));
    assertThat(sorted.missing()).containsExactly(" pv2");
  }

  @Test
  void keyIsThePluralResourceWithoutGroup() {
    OrderedResources o =
        OrderedResources.of(Map.of("deployments", "ns/a", "deployments.apps", "ns/b"));
    assertThat(o.orderFor("deployments")).containsExactly("ns/a");
    assertThat(OrderedResources.of(null).orderFor("pods")).isEmpty();
    assertThat(OrderedResources.of(Map.of("pods", "")).orderFor("pods")).isEmpty();
  }

  @Test
  void unorderedTypesAreUntouched() {
    List<Item> items = List.of(new Item("ns", "b"), new Item("ns", "a"));
    OrderedResources.Ordered<Item> same = OrderedResources.NONE.sort("pods", items, Item::key);
    assertThat(same.items()).isEqualTo(items);
    assertThat(same.orderedCount()).isZero();
  }
}
