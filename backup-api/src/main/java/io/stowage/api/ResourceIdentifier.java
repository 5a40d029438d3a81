package io.stowage.api;

import static java.util.Objects.requireNonNull;

/**
 * Names one object without its version, as a {@link spi.BackupItemAction} names the additional
 * items it wants backed up. The engine resolves the version through discovery.
 *
 * @param groupResource the type
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name object name
 */
public record ResourceIdentifier(GroupResource groupResource, String namespace, String name) {
  public ResourceIdentifier {
    requireNonNull(groupResource, "groupResource is null");
    namespace = namespace == null ? "" : namespace;
    requireNonNull(name, "name is null");
  }

  public static ResourceIdentifier clusterScoped(GroupResource groupResource, String name) {
    return new ResourceIdentifier(groupResource, "", name);
  }

  public boolean namespaced() {
    return !namespace.isEmpty();
  }

  @Override
  public String toString() {
    return groupResource + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
