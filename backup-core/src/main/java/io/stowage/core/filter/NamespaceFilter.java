package io.stowage.core.filter;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which namespaces a backup covers: Velero's {@code NamespaceIncludesExcludes} with its wildcard
 * expansion against the namespaces of the cluster. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Empty includes become {@code ["*"]} (as the controller rewrites the spec).
 *   <li>Wildcard expansion is skipped when any include is exactly {@code *}. Otherwise, when any
 *       include or exclude contains {@code *}, {@code ?} or {@code [}, each such entry is replaced
 *       by the cluster's namespace names it matches; entries without those characters are kept.
 *   <li>If the expansion leaves no includes, nothing is included.
 * </ul>
 */
public final class NamespaceFilter {
  /** The prefix of every namespace validation message. */
  public static final String VALIDATION_PREFIX = "Invalid included/excluded namespace lists: ";

  private final IncludesExcludes filter;
  private final boolean wildcardExpanded;
  private final List<String> clusterNamespaces;

  private NamespaceFilter(
      IncludesExcludes filter, boolean wildcardExpanded, List<String> clusterNamespaces) {
    this.filter = filter;
    this.wildcardExpanded = wildcardExpanded;
    this.clusterNamespaces = clusterNamespaces;
  }

  /**
   * Velero's namespace-list validation ({@code ValidateNamespaceIncludesExcludes}), each message
   * prefixed with {@link #VALIDATION_PREFIX}: the old-list rules of {@link
   * IncludesExcludes#validate}, then for every include and then every exclude (sorted) the wildcard
   * syntax ({@code | ( ) ! { } ,}, {@code **}, {@code []}, unbalanced brackets are rejected) and
   * the Kubernetes namespace-name rule after replacing {@code * ? [ ]} with {@code x}. Pass the
   * includes after the empty-to-{@code *} rewrite, as Velero does.
   */
  public static List<String> validate(Collection<String> includes, Collection<String> excludes) {
    List<String> errors = new ArrayList<>();
    for (String e : IncludesExcludes.validate(includes, excludes)) {
      errors.add(VALIDATION_PREFIX + e);
    }
    for (String ns : sorted(includes)) {
      NamespaceNames.validate(ns).forEach(e -> errors.add(VALIDATION_PREFIX + e));
    }
    for (String ns : sorted(excludes)) {
      NamespaceNames.validate(ns).forEach(e -> errors.add(VALIDATION_PREFIX + e));
    }
    return errors;
  }

  /**
   * Builds the filter, expanding wildcards against {@code clusterNamespaces} (the names of all
   * namespaces in the cluster, whatever their phase).
   *
   * @param includes {@code includedNamespaces}; null or empty means {@code *}
   * @param excludes {@code excludedNamespaces}; may be null
   * @param clusterNamespaces names of every namespace in the cluster, in list order
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} when expansion meets a
   *     pattern Velero rejects (normally caught earlier by {@link #validate})
   */
  public static NamespaceFilter create(
      Collection<String> includes,
      Collection<String> excludes,
      Collection<String> clusterNamespaces) {
    List<String> inc =
        includes == null || includes.isEmpty() ? List.of("*") : List.copyOf(includes);
    List<String> exc = excludes == null ? List.of() : List.copyOf(excludes);
    List<String> all = List.copyOf(clusterNamespaces);
    if (!shouldExpand(inc, exc)) {
      return new NamespaceFilter(IncludesExcludes.of(inc, exc), false, all);
    }
    return new NamespaceFilter(IncludesExcludes.of(expand(inc, all), expand(exc, all)), true, all);
  }

  /** Velero's {@code ShouldExpandWildcards}. */
  private static boolean shouldExpand(List<String> includes, List<String> excludes) {
    if (includes.isEmpty() || includes.contains("*")) {
      return false;
    }
    return includes.stream().anyMatch(NamespaceNames::hasWildcard)
        || excludes.stream().anyMatch(NamespaceNames::hasWildcard);
  }

  private static Set<String> expand(List<String> patterns, List<String> namespaces) {
    for (String pattern : patterns) {
      Optional<String> error = NamespaceNames.wildcardError(pattern);
      if (error.isPresent()) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT, VALIDATION_PREFIX + error.get());
      }
    }
    Set<String> result = new LinkedHashSet<>();
    for (String pattern : patterns) {
      if (!NamespaceNames.hasWildcard(pattern)) {
        result.add(pattern);
        continue;
      }
      Glob glob;
      try {
        glob = Glob.compile(pattern);
      } catch (IllegalArgumentException e) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT, VALIDATION_PREFIX + e.getMessage(), e);
      }
      for (String ns : namespaces) {
        if (glob.matches(ns)) {
          result.add(ns);
        }
      }
    }
    return result;
  }

  /**
   * Whether items of namespace {@code ns} are in the backup (Velero's {@code ShouldInclude}, with
   * "nothing" when expansion left no includes).
   */
  public boolean shouldInclude(String ns) {
    if (wildcardExpanded && filter.includes().isEmpty()) {
      return false;
    }
    return filter.shouldInclude(ns);
  }

  /**
   * Whether the filter is "everything": includes {@code *} (or empty) and no excludes.
   *
   * <p>Stowage decision: false when wildcard expansion left no includes. (Velero's {@code
   * IncludeEverything} looks only at the lists and answers true there when there are no excludes,
   * which would make a backup whose namespace patterns matched nothing list every cluster-scoped
   * type.)
   */
  public boolean includeEverything() {
    if (wildcardExpanded && filter.includes().isEmpty()) {
      return false;
    }
    return filter.includeEverything();
  }

  /**
   * Velero's {@code ShouldInclude("*")}: the includes hold {@code *} and no exclude matches the
   * literal text {@code *}. Then namespaced types are listed once, cluster-wide, and items of
   * excluded namespaces are dropped item by item.
   */
  public boolean includesAll() {
    return shouldInclude("*");
  }

  /**
   * The namespaces to list each namespaced type in, as Velero's {@code getNamespacesToList}: {@code
   * [""]} (one cluster-wide list, the form {@code Cluster.list} takes) when {@link #includesAll()};
   * otherwise every include entry that passes {@link #shouldInclude}, sorted. Empty means
   * namespaced types are not listed at all.
   */
  public List<String> namespacesToList() {
    if (includesAll()) {
      return List.of("");
    }
    List<String> list = new ArrayList<>();
    for (String ns : filter.includes()) {
      if (shouldInclude(ns)) {
        list.add(ns);
      }
    }
    return list;
  }

  /**
   * The include entries (after expansion) that are not namespaces of the cluster, sorted, {@code *}
   * left out. For each the engine logs the error {@code fail to get the namespace <ns> specified in
   * backup.Spec.IncludedNamespaces}.
   */
  public List<String> missingIncludedNamespaces() {
    Set<String> existing = Set.copyOf(clusterNamespaces);
    List<String> missing = new ArrayList<>();
    for (String ns : filter.includes()) {
      if (!ns.equals("*") && !existing.contains(ns)) {
        missing.add(ns);
      }
    }
    return missing;
  }

  /**
   * Velero's {@code ResolveNamespaceList}: the cluster's namespaces that pass {@link
   * #shouldInclude}, in the order they were given.
   */
  public List<String> resolveNamespaces() {
    List<String> out = new ArrayList<>();
    for (String ns : clusterNamespaces) {
      if (shouldInclude(ns)) {
        out.add(ns);
      }
    }
    return out;
  }

  /** Whether wildcard expansion ran. */
  public boolean wildcardExpanded() {
    return wildcardExpanded;
  }

  /** The effective include entries (after expansion), sorted. */
  public SortedSet<String> includes() {
    return filter.includes();
  }

  /** The effective exclude entries (after expansion), sorted. */
  public SortedSet<String> excludes() {
    return filter.excludes();
  }

  /** For Velero's log line {@code Including namespaces: <this>}. */
  public String includesString() {
    return filter.includesString();
  }

  /** For Velero's log line {@code Excluding namespaces: <this>}. */
  public String excludesString() {
    return filter.excludesString();
  }

  private static SortedSet<String> sorted(Collection<String> list) {
    return list == null ? new TreeSet<>() : new TreeSet<>(list);
  }

  @Override
  public String toString() {
    return "NamespaceFilter{" + filter + (wildcardExpanded ? ", expanded" : "") + "}";
  }
}
