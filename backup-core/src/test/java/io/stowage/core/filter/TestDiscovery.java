package io.stowage.core.filter;

import io.stowage.core.cluster.ApiGroupVersions;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;

/** A realistic discovery result for the filter tests. */
final class TestDiscovery {
  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private TestDiscovery() {}

  static ApiResource type(
      String group, String resource, String kind, boolean namespaced, String... shortNames) {
    return new ApiResource(
        group, "v1", resource, "", kind, namespaced, ALL_VERBS, List.of(shortNames));
  }

  static ApiResource withVerbs(
      String group, String resource, String kind, boolean namespaced, List<String> verbs) {
    return new ApiResource(group, "v1", resource, "", kind, namespaced, verbs, List.of());
  }

  static ApiGroupVersions group(String group, ApiResource... resources) {
    return new ApiGroupVersions(group, "v1", List.of(resources));
  }

  /**
   * Core first, then {@code extensions} early (as older servers list it), then the rest; a few
   * non-backupable entries; custom resources in {@code example.com}.
   */
  static Cluster.Discovery standard() {
    List<ApiGroupVersions> groups = new ArrayList<>();
    groups.add(
        group(
            "",
            type("", "configmaps", "ConfigMap", true, "cm"),
            withVerbs("", "bindings", "Binding", true, List.of("create")),
            type("", "events", "Event", true, "ev"),
            type("", "namespaces", "Namespace", false, "ns"),
            type("", "nodes", "Node", false, "no"),
            type("", "persistentvolumes", "PersistentVolume", false, "pv"),
            type("", "persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
            type("", "pods", "Pod", true, "po"),
            withVerbs("", "pods/log", "Pod", true, List.of("get")),
            type("", "secrets", "Secret", true),
            type("", "serviceaccounts", "ServiceAccount", true, "sa"),
            type("", "services", "Service", true, "svc")));
    groups.add(
        group(
            "extensions",
            type("extensions", "daemonsets", "DaemonSet", true, "ds"),
            type("extensions", "deployments", "Deployment", true, "deploy"),
            type("extensions", "networkpolicies", "NetworkPolicy", true, "netpol"),
            type("extensions", "replicasets", "ReplicaSet", true, "rs")));
    groups.add(
        group(
            "apps",
            type("apps", "daemonsets", "DaemonSet", true, "ds"),
            type("apps", "deployments", "Deployment", true, "deploy"),
            type("apps", "replicasets", "ReplicaSet", true, "rs"),
            type("apps", "statefulsets", "StatefulSet", true, "sts")));
    groups.add(group("events.k8s.io", type("events.k8s.io", "events", "Event", true, "ev")));
    groups.add(
        group(
            "networking.k8s.io",
            type("networking.k8s.io", "ingresses", "Ingress", true, "ing"),
            type("networking.k8s.io", "networkpolicies", "NetworkPolicy", true, "netpol")));
    groups.add(
        group(
            "rbac.authorization.k8s.io",
            type("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", false),
            type("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false),
            type("rbac.authorization.k8s.io", "roles", "Role", true)));
    groups.add(
        group(
            "storage.k8s.io",
            type("storage.k8s.io", "storageclasses", "StorageClass", false, "sc")));
    groups.add(
        group(
            "apiextensions.k8s.io",
            type(
                "apiextensions.k8s.io",
                "customresourcedefinitions",
                "CustomResourceDefinition",
                false,
                "crd",
                "crds")));
    groups.add(
        group(
            "snapshot.storage.k8s.io",
            type(
                "snapshot.storage.k8s.io",
                "volumesnapshotclasses",
                "VolumeSnapshotClass",
                false,
                "vsclass",
                "vsclasses"),
            type(
                "snapshot.storage.k8s.io",
                "volumesnapshotcontents",
                "VolumeSnapshotContent",
                false,
                "vsc",
                "vscs"),
            type("snapshot.storage.k8s.io", "volumesnapshots", "VolumeSnapshot", true, "vs")));
    groups.add(
        group(
            "example.com",
            type("example.com", "widgets", "Widget", true),
            type("example.com", "gadgets", "Gadget", false)));
    groups.add(
        group(
            "authorization.k8s.io",
            withVerbs(
                "authorization.k8s.io",
                "subjectaccessreviews",
                "SubjectAccessReview",
                false,
                List.of("create"))));
    return new Cluster.Discovery(groups, List.of());
  }

  static ResourceResolver resolver() {
    return new ResourceResolver(standard());
  }
}
