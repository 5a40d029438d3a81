package io.stowage.core.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of glob patterns, matched as Velero's {@code globStringSet}: the entries are kept sorted
 * and tried in order, and an entry that does not compile ends the search with "no match" (so
 * entries sorted after an invalid one are never tried, exactly as in Velero). Literal entries are
 * matched by a hash lookup. Immutable and thread-safe.
 */
final class GlobSet {
  static final GlobSet EMPTY = new GlobSet(List.of());

  private final SortedSet<String> entries;
  private final Set<String> literals = new HashSet<>();
  private final List<Glob> globs = new ArrayList<>();

  GlobSet(Collection<String> entries) {
    this.entries = Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    for (String entry : this.entries) {
      if (Glob.isLiteral(entry)) {
        literals.add(entry);
        continue;
      }
      Optional<Glob> glob = Glob.tryCompile(entry);
      if (glob.isEmpty()) {
        break; // Velero returns false at the first pattern that fails to compile
      }
      globs.add(glob.get());
    }
  }

  /** Whether an entry, read as a glob, matches {@code s}. */
  boolean match(String s) {
    if (literals.contains(s)) {
      return true;
    }
    for (Glob glob : globs) {
      if (glob.matches(s)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} is an entry (exact membership, no pattern matching). */
  boolean has(String s) {
    return entries.contains(s);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  int size() {
    return entries.size();
  }

  /** The entries, sorted. */
  SortedSet<String> entries() {
    return entries;
  }
}
