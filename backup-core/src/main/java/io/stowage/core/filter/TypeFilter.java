package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import io.stowage.core.cluster.ApiResource;
import java.util.Optional;

/**
 * What both filter modes share: types named by GroupResource are resolved through discovery, and
 * the item check is the namespace filter plus the type check for namespaced items, {@link
 * #excludesClusterItem} for cluster-scoped ones. The modes differ only in {@link #shouldInclude}
 * and {@link #excludesClusterItem}.
 */
abstract class TypeFilter implements ResourceFilter {
  final NamespaceFilter namespaces;
  final ResourceResolver resolver;

  TypeFilter(NamespaceFilter namespaces, ResourceResolver resolver) {
    this.namespaces = namespaces;
    this.resolver = resolver;
  }

  /** Whether a resolved type, by its canonical name, is listed in this mode. */
  abstract boolean shouldInclude(String name, ApiResource type);

  @Override
  public final boolean listType(ApiResource type) {
    return shouldInclude(type.groupResource().toString(), type);
  }

  @Override
  public final boolean includesType(GroupResource type) {
    String name = type.toString();
    Optional<ApiResource> resolved = resolver.resolve(name);
    return resolved.isPresent() && shouldInclude(name, resolved.get());
  }

  @Override
  public final boolean includesItem(GroupResource type, String namespace) {
    if (namespace != null && !namespace.isEmpty()) {
      return namespaces.shouldInclude(namespace) && includesType(type);
    }
    return type.equals(NAMESPACES) || !excludesClusterItem(type);
  }
}
