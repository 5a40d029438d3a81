package io.stowage.core.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Velero's {@code IncludesExcludes}: two sets of glob patterns (see {@link Glob}); everything the
 * includes match except what the excludes match. Duplicates collapse (the lists are sets).
 * Immutable and thread-safe.
 *
 * <p>An entry that is not a valid glob matches nothing, and, as in Velero, hides the entries sorted
 * after it in the same list.
 */
public final class IncludesExcludes {
  /** Includes everything. */
  public static final IncludesExcludes EVERYTHING =
      new IncludesExcludes(GlobSet.EMPTY, GlobSet.EMPTY);

  private final GlobSet includes;
  private final GlobSet excludes;

  private IncludesExcludes(GlobSet includes, GlobSet excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /** The filter of those entries, taken as they are (no resolution, no {@code *} removal). */
  public static IncludesExcludes of(Collection<String> includes, Collection<String> excludes) {
    return new IncludesExcludes(set(includes), set(excludes));
  }

  private static GlobSet set(Collection<String> entries) {
    return entries == null || entries.isEmpty() ? GlobSet.EMPTY : new GlobSet(entries);
  }

  /**
   * Velero's {@code ShouldInclude}: false when any exclude matches; otherwise true when the
   * includes are empty, contain the literal {@code *}, or have a pattern that matches.
   */
  public boolean shouldInclude(String s) {
    if (excludes.match(s)) {
      return false;
    }
    return includes.isEmpty() || includes.has("*") || includes.match(s);
  }

  /**
   * Velero's {@code IncludeEverything}: no excludes, and the includes are empty or exactly {@code
   * ["*"]}.
   */
  public boolean includeEverything() {
    return excludes.isEmpty()
        && (includes.isEmpty() || (includes.size() == 1 && includes.has("*")));
  }

  /** Whether an include pattern matches {@code s} (the literal {@code *} counts as a pattern). */
  public boolean includesMatch(String s) {
    return includes.match(s);
  }

  /** Whether an exclude pattern matches {@code s}. */
  public boolean excludesMatch(String s) {
    return excludes.match(s);
  }

  /** Whether the includes hold exactly the entry {@code s}. */
  public boolean includesEntry(String s) {
    return includes.has(s);
  }

  /** Whether the excludes hold exactly the entry {@code s}. */
  public boolean excludesEntry(String s) {
    return excludes.has(s);
  }

  /** The include entries, sorted. */
  public SortedSet<String> includes() {
    return includes.entries();
  }

  /** The exclude entries, sorted. */
  public SortedSet<String> excludes() {
    return excludes.entries();
  }

  /** The includes joined by {@code ", "}, or {@code *} when empty (Velero's log form). */
  public String includesString() {
    return includes.isEmpty() ? "*" : String.join(", ", includes.entries());
  }

  /** The excludes joined by {@code ", "}, or {@code <none>} when empty (Velero's log form). */
  public String excludesString() {
    return excludes.isEmpty() ? "<none>" : String.join(", ", excludes.entries());
  }

  /**
   * Velero's {@code ValidateIncludesExcludes} for the old-style lists (resources, namespaces): the
   * error texts, in Velero's order, without the caller's prefix.
   */
  public static List<String> validate(
      Collection<String> includesList, Collection<String> excludesList) {
    SortedSet<String> includes = sorted(includesList);
    SortedSet<String> excludes = sorted(excludesList);
    List<String> errors = new ArrayList<>();
    if (includes.size() > 1 && includes.contains("*")) {
      errors.add("includes list must either contain '*' only, or a non-empty list of items");
    }
    if (excludes.contains("*")) {
      errors.add("excludes list cannot contain '*'");
    }
    addOverlap(errors, includes, excludes);
    return errors;
  }

  /**
   * Velero's {@code ValidateScopedIncludesExcludes} for the new-style cluster-scoped or
   * namespace-scoped lists: the error texts, in Velero's order, without the caller's prefix.
   */
  public static List<String> validateScoped(
      Collection<String> includesList, Collection<String> excludesList) {
    SortedSet<String> includes = sorted(includesList);
    SortedSet<String> excludes = sorted(excludesList);
    List<String> errors = new ArrayList<>();
    if (includes.size() > 1 && includes.contains("*")) {
      errors.add("includes list must either contain '*' only, or a non-empty list of items");
    }
    if (excludes.size() > 1 && excludes.contains("*")) {
      errors.add("excludes list must either contain '*' only, or a non-empty list of items");
    }
    if (!includes.isEmpty() && excludes.contains("*")) {
      errors.add("when exclude is '*', include cannot have value");
    }
    addOverlap(errors, includes, excludes);
    return errors;
  }

  private static void addOverlap(
      List<String> errors, SortedSet<String> includes, SortedSet<String> excludes) {
    for (String exclude : excludes) {
      if (includes.contains(exclude)) {
        errors.add("excludes list cannot contain an item in the includes list: " + exclude);
      }
    }
  }

  private static SortedSet<String> sorted(Collection<String> list) {
    return list == null ? new TreeSet<>() : new TreeSet<>(list);
  }

  @Override
  public String toString() {
    return "includes=[" + includesString() + "] excludes=[" + excludesString() + "]";
  }
}
