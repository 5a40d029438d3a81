package io.stowage.core.backup;

import io.stowage.api.GroupResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Velero's backed-up set: every item the backup took on, keyed as Velero keys them ({@code
 * <apiVersion>/<Kind>}, namespace, name, before actions run). As in Velero, an item stays in the
 * set when it later fails, so it is counted and listed in the resource list; only an item an action
 * asks to skip is removed. Holds keys only, never bodies. Thread-safe.
 */
final class BackedUpItems {
  private final Map<String, Set<String>> namesByType = new ConcurrentHashMap<>();
  private final Map<String, GroupResource> groupResourceByType = new ConcurrentHashMap<>();
  private int size;

  /** Adds the item; false when it was already in the set. */
  synchronized boolean add(
      String typeKey, GroupResource groupResource, String namespace, String name) {
    boolean added =
        namesByType.computeIfAbsent(typeKey, k -> new HashSet<>()).add(entry(namespace, name));
    if (added) {
      groupResourceByType.putIfAbsent(typeKey, groupResource);
      size++;
    }
    return added;
  }

  /** Whether the item is in the set. */
  synchronized boolean contains(String typeKey, String namespace, String name) {
    Set<String> names = namesByType.get(typeKey);
    return names != null && names.contains(entry(namespace, name));
  }

  /** Removes an item again, for one an action asked to skip. */
  synchronized void remove(String typeKey, String namespace, String name) {
    Set<String> names = namesByType.get(typeKey);
    if (names != null && names.remove(entry(namespace, name))) {
      size--;
    }
  }

  synchronized int size() {
    return size;
  }

  /** Velero's resource list: type key to the sorted {@code ns/name} or {@code name}. */
  synchronized SortedMap<String, List<String>> resourceList() {
    SortedMap<String, List<String>> sorted = new TreeMap<>();
    namesByType.forEach(
        (type, names) -> {
          if (!names.isEmpty()) {
            List<String> list = new ArrayList<>(names);
            Collections.sort(list);
            sorted.put(type, list);
          }
        });
    return sorted;
  }

  /** Group resources with at least one item in the set. */
  synchronized Set<GroupResource> groupResources() {
    Set<GroupResource> result = new HashSet<>();
    namesByType.forEach(
        (type, names) -> {
          if (!names.isEmpty()) {
            result.add(groupResourceByType.get(type));
          }
        });
    return result;
  }

  private static String entry(String namespace, String name) {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
