package io.stowage.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Backup's {@code orderedResources} (velero-facts §5.12): per plural resource name (without
 * group, so {@code pods} covers pods of every group) the items to put first, each {@code
 * namespace/name}, or {@code name} for cluster-scoped items. The value is split on {@code ,}
 * without trimming. Immutable and thread-safe.
 */
public final class OrderedResources {
  /** No ordering. */
  public static final OrderedResources NONE = new OrderedResources(Map.of());

  private final Map<String, List<String>> orders;

  private OrderedResources(Map<String, List<String>> orders) {
    this.orders = orders;
  }

  /** From the spec map; null or empty means no ordering. */
  public static OrderedResources of(Map<String, String> orderedResources) {
    if (orderedResources == null || orderedResources.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> orders = new HashMap<>();
    orderedResources.forEach(
        (resource, value) -> {
          if (value != null && !value.isEmpty()) {
            orders.put(resource, List.of(value.split(",", -1)));
          }
        });
    return new OrderedResources(Map.copyOf(orders));
  }

  /** The ordered names for that plural resource name, empty when none. */
  public List<String> orderFor(String resource) {
    return orders.getOrDefault(resource, List.of());
  }

  /** The key an item is ordered by: {@code namespace/name}, or {@code name} when cluster-scoped. */
  public static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** Velero's warning for an ordered name that was not listed. */
  public static String missingWarning(String key) {
    return "Cannot find resource '" + key + "'.";
  }

  /**
   * The items of one type after ordering.
   *
   * @param items the ordered items first, in the given order, then the rest in list order
   * @param orderedCount how many leading items are ordered ones (consecutive ordered items of one
   *     type go into one ItemBlock)
   * @param missing ordered names that were not among the items, in order (each gets {@link
   *     #missingWarning})
   */
  public record Ordered<T>(List<T> items, int orderedCount, List<String> missing) {
    public Ordered {
      items = List.copyOf(items);
      missing = List.copyOf(missing);
    }
  }

  /**
   * Velero's {@code sortResourcesByOrder} for one type's listed items.
   *
   * @param resource the plural resource name of the type
   * @param items the items in list order
   * @param keyOf the {@link #key} of an item
   */
  public <T> Ordered<T> sort(String resource, List<T> items, Function<T, String> keyOf) {
    List<String> order = orderFor(resource);
    if (order.isEmpty()) {
      return new Ordered<>(items, 0, List.of());
    }
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T item : items) {
      byKey.put(keyOf.apply(item), item); // a later duplicate wins, as in Velero
    }
    List<T> sorted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String key : order) {
      T item = byKey.remove(key);
      if (item != null) {
        sorted.add(item);
      } else {
        missing.add(key);
      }
    }
    int orderedCount = sorted.size();
    for (T item : items) {
      if (byKey.containsKey(keyOf.apply(item))) {
        sorted.add(item);
      }
    }
    return new Ordered<>(sorted, orderedCount, missing);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OrderedResources");
    orders.forEach(
        (k, v) -> sb.append(' ').append(k).append('=').append(Arrays.toString(v.toArray())));
    return sb.toString();
  }
}
