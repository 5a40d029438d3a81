package io.stowage.api;

import static java.util.Objects.requireNonNull;

/**
 * A Kubernetes resource type without its version: {@code deployments} in group {@code apps}. The
 * core group is the empty string.
 *
 * @param group API group, {@code ""} for the core group
 * @param resource plural resource name, such as {@code pods}
 */
public record GroupResource(String group, String resource) {
  public GroupResource {
    requireNonNull(group, "group is null");
    requireNonNull(resource, "resource is null");
  }

  /** The core-group resource of that plural name. */
  public static GroupResource core(String resource) {
    return new GroupResource("", resource);
  }

  /**
   * Parses Velero's form: everything before the first dot is the resource, the rest the group.
   * {@code deployments.apps} is apps/deployments, {@code pods} is the core group.
   */
  public static GroupResource parse(String value) {
    requireNonNull(value, "value is null");
    int dot = value.indexOf('.');
    return dot < 0
        ? new GroupResource("", value)
        : new GroupResource(value.substring(dot + 1), value.substring(0, dot));
  }

  /** Velero's string form, {@code <resource>[.<group>]}, as used in tar paths and filters. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
