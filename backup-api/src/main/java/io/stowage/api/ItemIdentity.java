package io.stowage.api;

import static java.util.Objects.requireNonNull;

/**
 * The full identity of one object in a backup: group, version, plural resource, namespace and name.
 *
 * @param group API group, {@code ""} for the core group
 * @param version API version within the group, such as {@code v1}
 * @param resource plural resource name
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name object name
 */
public record ItemIdentity(
    String group, String version, String resource, String namespace, String name) {
  public ItemIdentity {
    requireNonNull(group, "group is null");
    requireNonNull(version, "version is null");
    requireNonNull(resource, "resource is null");
    namespace = namespace == null ? "" : namespace;
    requireNonNull(name, "name is null");
  }

  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  /** The {@code apiVersion} string: {@code v1} for the core group, else {@code group/version}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean namespaced() {
    return !namespace.isEmpty();
  }

  public ResourceIdentifier toResourceIdentifier() {
    return new ResourceIdentifier(groupResource(), namespace, name);
  }

  @Override
  public String toString() {
    return apiVersion()
        + " "
        + resource
        + " "
        + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
