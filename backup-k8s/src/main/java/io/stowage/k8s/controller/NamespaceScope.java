package io.stowage.k8s.controller;

import io.stowage.api.velero.v1.BackupSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces a Backup may touch, for deciding whether two backups overlap (facts §7.1: two
 * backups whose namespaces overlap run one after the other).
 *
 * <p>Conservative: a backup of all namespaces ({@code includedNamespaces} empty or {@code *}) or
 * with a wildcard pattern overlaps every other backup; two backups that both name their namespaces
 * overlap when they share one. Exclusions are not considered, and cluster-scoped resources count as
 * no namespace.
 */
record NamespaceScope(Set<String> names, boolean everything) {
  static final NamespaceScope ALL = new NamespaceScope(Set.of(), true);

  static NamespaceScope of(BackupSpec spec) {
    List<String> included = spec == null ? null : spec.getIncludedNamespaces();
    if (included == null || included.isEmpty()) {
      return ALL;
    }
    Set<String> names = new TreeSet<>();
    for (String name : included) {
      if (name == null || name.isEmpty() || name.chars().anyMatch(c -> "*?[]{}!".indexOf(c) >= 0)) {
        return ALL;
      }
      names.add(name);
    }
    return new NamespaceScope(Set.copyOf(names), false);
  }

  boolean overlaps(NamespaceScope other) {
    if (everything || other.everything) {
      return true;
    }
    for (String name : names) {
      if (other.names.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
