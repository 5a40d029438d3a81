package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiGroupVersions;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Resolves user-written resource names through discovery the way Velero's discovery helper does (a
 * discovery RESTMapper behind kubectl's short-name expander), and gives the order in which types
 * are collected. Immutable after construction and thread-safe.
 *
 * <p>Resolution of an entry such as {@code deploy}, {@code Deployment}, {@code deployments.apps}:
 *
 * <ol>
 *   <li>split at the first dot into resource and group ({@code ParseGroupResource});
 *   <li>short-name expansion, case-sensitive, over the backupable types in {@link
 *       #collectionOrder()} group order: an exact short name (in the given group, if any), else a
 *       short name in a group the given group is a prefix of;
 *   <li>the resource part is lowercased and matched against each type's plural and singular name
 *       (the singular is the lowercased kind when discovery gives none), in the given group
 *       exactly, else in groups it is a prefix of ({@code storageclass.storage}); with no group, in
 *       any group;
 *   <li>among several matches the core group wins, then the group that comes first in discovery;
 *       two different types of one group matching is ambiguous (unresolved);
 *   <li>the match must be a backupable type (list, create, get, delete; no subresource), else the
 *       entry is unresolved.
 * </ol>
 */
public final class ResourceResolver {
  private static final String EXTENSIONS = "extensions";

  /** Types present in two groups; the first one collected wins (Velero's cohabiting resources). */
  private static final Map<String, List<String>> COHABITING =
      Map.of(
          "deployments", List.of(EXTENSIONS, "apps"),
          "daemonsets", List.of(EXTENSIONS, "apps"),
          "replicasets", List.of(EXTENSIONS, "apps"),
          "networkpolicies", List.of(EXTENSIONS, "networking.k8s.io"),
          "events", List.of("", "events.k8s.io"));

  private final List<List<ApiResource>> groupsByPriority = new ArrayList<>();
  private final List<ApiResource> collectionOrder = new ArrayList<>();
  private final Map<GroupResource, ApiResource> backupable = new HashMap<>();
  private final List<String[]> shortcuts = new ArrayList<>(); // {group, shortName, resource}
  private final Map<String, Optional<ApiResource>> cache = new ConcurrentHashMap<>();

  /** Builds the resolver from what discovery returned. */
  public ResourceResolver(Cluster.Discovery discovery) {
    requireNonNull(discovery, "discovery is null");
    // The RESTMapper puts core/v1 first, then the groups in discovery order.
    for (ApiGroupVersions g : discovery.groups()) {
      if (g.group().isEmpty()) {
        groupsByPriority.add(0, g.resources());
      } else {
        groupsByPriority.add(g.resources());
      }
    }
    List<ApiGroupVersions> groups = new ArrayList<>(discovery.groups());
    groups.sort(Comparator.comparing(g -> g.group().equals(EXTENSIONS))); // stable
    for (ApiGroupVersions g : groups) {
      List<ApiResource> types = new ArrayList<>();
      for (ApiResource r : g.resources()) {
        if (r.backupable()) {
          types.add(r);
          backupable.putIfAbsent(r.groupResource(), r);
          for (String shortName : r.shortNames()) {
            shortcuts.add(new String[] {r.group(), shortName, r.resource()});
          }
        }
      }
      if (g.group().isEmpty()) {
        types.sort(Comparator.comparingInt(r -> corePriority(r.resource()))); // stable
      }
      collectionOrder.addAll(types);
    }
  }

  private static int corePriority(String resource) {
    return switch (resource.toLowerCase(Locale.ROOT)) {
      case "pods" -> 0;
      case "persistentvolumeclaims" -> 1;
      case "persistentvolumes" -> 2;
      default -> 3;
    };
  }

  /**
   * The backupable types in Velero's collection order: groups in discovery order with every {@code
   * extensions} group moved to the end (stable); within the core group {@code pods}, {@code
   * persistentvolumeclaims}, {@code persistentvolumes}, then the rest in discovery order. The
   * two-group rule is not applied here (see {@link CollectionPlan}).
   */
  public List<ApiResource> collectionOrder() {
    return List.copyOf(collectionOrder);
  }

  /** Resolves a user entry to a backupable type, or empty when it does not resolve. */
  public Optional<ApiResource> resolve(String entry) {
    requireNonNull(entry, "entry is null");
    return cache.computeIfAbsent(entry, this::doResolve);
  }

  /**
   * The canonical {@code resource[.group]} string of the type {@code entry} resolves to, or {@code
   * entry} verbatim when it does not resolve (it is then used as a glob pattern, e.g. {@code
   * *.example.com}).
   */
  public String canonical(String entry) {
    return resolve(entry).map(r -> r.groupResource().toString()).orElse(entry);
  }

  /** The backupable type with exactly that group and plural resource name. */
  public Optional<ApiResource> byGroupResource(GroupResource groupResource) {
    return Optional.ofNullable(backupable.get(groupResource));
  }

  /** The first backupable type (in collection order) with exactly that group and kind. */
  public Optional<ApiResource> byKind(String group, String kind) {
    for (ApiResource r : collectionOrder) {
      if (r.group().equals(group) && r.kind().equals(kind)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Old-style includes, as Velero generates them: {@code *} kept, every other entry made {@link
   * #canonical}. Duplicates removed, order kept.
   */
  public List<String> canonicalIncludes(Collection<String> entries) {
    return map(entries, true, null);
  }

  /** Old-style excludes: {@code *} dropped, every other entry made {@link #canonical}. */
  public List<String> canonicalExcludes(Collection<String> entries) {
    return map(entries, false, null);
  }

  /**
   * New-style (scoped) entries: {@code *} kept; an entry that resolves to a type of the other scope
   * dropped; others made {@link #canonical} (unresolvable ones verbatim).
   */
  public List<String> canonicalScoped(Collection<String> entries, boolean namespaced) {
    return map(entries, true, namespaced);
  }

  private List<String> map(Collection<String> entries, boolean keepStar, Boolean namespaced) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (entries == null) {
      return List.of();
    }
    for (String entry : entries) {
      if (entry.equals("*")) {
        if (keepStar) {
          out.put(entry, true);
        }
        continue;
      }
      Optional<ApiResource> r = resolve(entry);
      if (r.isPresent() && namespaced != null && r.get().namespaced() != namespaced) {
        continue;
      }
      out.put(r.map(t -> t.groupResource().toString()).orElse(entry), true);
    }
    return List.copyOf(out.keySet());
  }

  /**
   * The group of a cohabiting type's pair (deployments, daemonsets, replicasets, networkpolicies,
   * events) when {@code type} is one of them, so the two-group rule can key on it; empty otherwise.
   */
  static Optional<String> cohabitingKey(ApiResource type) {
    List<String> groups = COHABITING.get(type.resource());
    if (groups == null || !groups.contains(type.group())) {
      return Optional.empty();
    }
    return Optional.of(type.resource());
  }

  private Optional<ApiResource> doResolve(String entry) {
    GroupResource parsed = GroupResource.parse(entry);
    String group = parsed.group();
    String resource = expandShortcut(group, parsed.resource()).toLowerCase(Locale.ROOT);
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    List<ApiResource> matches = new ArrayList<>();
    if (group.isEmpty()) {
      collect(matches, resource, g -> true);
    } else {
      collect(matches, resource, g -> g.equals(group));
      if (matches.isEmpty()) {
        collect(matches, resource, g -> g.startsWith(group));
      }
    }
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    ApiResource first = matches.get(0);
    for (ApiResource other : matches.subList(1, matches.size())) {
      if (other.group().equals(first.group()) && !other.resource().equals(first.resource())) {
        return Optional.empty(); // ambiguous within the winning group
      }
    }
    return first.backupable() ? Optional.of(first) : Optional.empty();
  }

  private void collect(List<ApiResource> matches, String resource, Predicate<String> group) {
    for (List<ApiResource> types : groupsByPriority) {
      for (ApiResource r : types) {
        if (r.resource().contains("/")) {
          continue; // the RESTMapper has no mappings for subresources
        }
        if (group.test(r.group())
            && (r.resource().equals(resource) || r.singular().equals(resource))) {
          matches.add(r);
        }
      }
    }
  }

  private String expandShortcut(String group, String resource) {
    for (String[] s : shortcuts) {
      if (!group.isEmpty() && !group.equals(s[0])) {
        continue;
      }
      if (resource.equals(s[1])) {
        return s[2];
      }
    }
    if (group.isEmpty()) {
      return resource;
    }
    for (String[] s : shortcuts) {
      if (s[0].startsWith(group) && resource.equals(s[1])) {
        return s[2];
      }
    }
    return resource;
  }
}
