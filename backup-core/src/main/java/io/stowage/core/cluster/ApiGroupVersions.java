package io.stowage.core.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One API group with the resources of its preferred version, in discovery order.
 *
 * @param group group name, {@code ""} for core
 * @param preferredVersion the version discovery prefers
 * @param resources the resources served at the preferred version
 */
public record ApiGroupVersions(String group, String preferredVersion, List<ApiResource> resources) {
  public ApiGroupVersions {
    requireNonNull(group, "group is null");
    requireNonNull(preferredVersion, "preferredVersion is null");
    resources = List.copyOf(resources);
  }
}
