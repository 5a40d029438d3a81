package io.stowage.core.cluster;

import static java.util.Objects.requireNonNull;

import io.stowage.api.GroupResource;
import java.util.List;
import java.util.Locale;

/**
 * One resource type as discovery reports it at one version.
 *
 * @param group API group, {@code ""} for core
 * @param version version, such as {@code v1}
 * @param resource plural name, such as {@code deployments}
 * @param singularName singular name; may be {@code ""} when the server gives none
 * @param kind the Kind, such as {@code Deployment}
 * @param namespaced whether objects live in namespaces
 * @param verbs the verbs the server allows
 * @param shortNames short names, such as {@code deploy}
 */
public record ApiResource(
    String group,
    String version,
    String resource,
    String singularName,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames) {
  public ApiResource {
    requireNonNull(group, "group is null");
    requireNonNull(version, "version is null");
    requireNonNull(resource, "resource is null");
    singularName = singularName == null ? "" : singularName;
    requireNonNull(kind, "kind is null");
    verbs = verbs == null ? List.of() : List.copyOf(verbs);
    shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
  }

  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  /** {@code v1} for core, else {@code group/version}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Velero backs up only types that allow list, create, get and delete, and no subresources. */
  public boolean backupable() {
    return !resource.contains("/") && verbs.containsAll(List.of("list", "create", "get", "delete"));
  }

  /** The singular name, or the lowercased kind when discovery gave none. */
  public String singular() {
    return singularName.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singularName;
  }
}
