package io.stowage.testkit.k8s;

import java.util.List;

/**
 * One resource of one API group version, as discovery describes it.
 *
 * @param group API group, empty for the core group
 * @param version API version within the group
 * @param plural resource name used in paths, e.g. {@code deployments}
 * @param singular singular name, e.g. {@code deployment}
 * @param kind object kind, e.g. {@code Deployment}
 * @param namespaced whether objects live in namespaces
 * @param shortNames kubectl short names
 * @param categories discovery categories, e.g. {@code all}
 * @param subresources subresource names served under {@code plural/}, e.g. {@code status}
 */
record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    List<String> subresources) {

  ResourceType {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
  }

  /** {@code group/version}, or just the version for the core group. */
  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
