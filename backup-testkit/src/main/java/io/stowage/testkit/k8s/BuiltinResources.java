package io.stowage.testkit.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The static table of built-in resources the embedded server's discovery announces. */
final class BuiltinResources {

  private static final boolean NAMESPACED = true;
  private static final boolean CLUSTER = false;

  /**
   * Built-in resources in discovery order; groups appear in {@code /apis} in the order of their
   * first resource here. Every group has exactly one version, so a stored object is reachable under
   * one path only.
   */
  static final List<ResourceType> ALL =
      List.of(
          r(
              "v1",
              "pods",
              "Pod",
              NAMESPACED,
              "po",
              "all",
              "attach binding ephemeralcontainers" + " eviction exec log portforward proxy status"),
          r("v1", "services", "Service", NAMESPACED, "svc", "all", "proxy status"),
          r("v1", "configmaps", "ConfigMap", NAMESPACED, "cm", "", ""),
          r("v1", "secrets", "Secret", NAMESPACED, "", "", ""),
          r("v1", "serviceaccounts", "ServiceAccount", NAMESPACED, "sa", "", "token"),
          r(
              "v1",
              "persistentvolumeclaims",
              "PersistentVolumeClaim",
              NAMESPACED,
              "pvc",
              "",
              "status"),
          r("v1", "persistentvolumes", "PersistentVolume", CLUSTER, "pv", "", "status"),
          r("v1", "namespaces", "Namespace", CLUSTER, "ns", "", "finalize status"),
          r("v1", "nodes", "Node", CLUSTER, "no", "", "proxy status"),
          r("v1", "events", "Event", NAMESPACED, "ev", "", ""),
          r("v1", "endpoints", "Endpoints", NAMESPACED, "ep", "", ""),
          r("v1", "limitranges", "LimitRange", NAMESPACED, "limits", "", ""),
          r("v1", "resourcequotas", "ResourceQuota", NAMESPACED, "quota", "", "status"),
          r(
              "v1",
              "replicationcontrollers",
              "ReplicationController",
              NAMESPACED,
              "rc",
              "all",
              "scale status"),
          r("v1", "podtemplates", "PodTemplate", NAMESPACED, "", "", ""),
          r("apps/v1", "deployments", "Deployment", NAMESPACED, "deploy", "all", "scale status"),
          r("apps/v1", "statefulsets", "StatefulSet", NAMESPACED, "sts", "all", "scale status"),
          r("apps/v1", "daemonsets", "DaemonSet", NAMESPACED, "ds", "all", "status"),
          r("apps/v1", "replicasets", "ReplicaSet", NAMESPACED, "rs", "all", "scale status"),
          r("apps/v1", "controllerrevisions", "ControllerRevision", NAMESPACED, "", "", ""),
          r("batch/v1", "jobs", "Job", NAMESPACED, "", "all", "status"),
          r("batch/v1", "cronjobs", "CronJob", NAMESPACED, "cj", "all", "status"),
          r("rbac.authorization.k8s.io/v1", "roles", "Role", NAMESPACED, "", "", ""),
          r("rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding", NAMESPACED, "", "", ""),
          r("rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole", CLUSTER, "", "", ""),
          r(
              "rbac.authorization.k8s.io/v1",
              "clusterrolebindings",
              "ClusterRoleBinding",
              CLUSTER,
              "",
              "",
              ""),
          r("networking.k8s.io/v1", "ingresses", "Ingress", NAMESPACED, "ing", "", "status"),
          r(
              "networking.k8s.io/v1",
              "networkpolicies",
              "NetworkPolicy",
              NAMESPACED,
              "netpol",
              "",
              ""),
          r("networking.k8s.io/v1", "ingressclasses", "IngressClass", CLUSTER, "", "", ""),
          r("storage.k8s.io/v1", "storageclasses", "StorageClass", CLUSTER, "sc", "", ""),
          r("storage.k8s.io/v1", "csidrivers", "CSIDriver", CLUSTER, "", "", ""),
          r("scheduling.k8s.io/v1", "priorityclasses", "PriorityClass", CLUSTER, "pc", "", ""),
          r(
              "policy/v1",
              "poddisruptionbudgets",
              "PodDisruptionBudget",
              NAMESPACED,
              "pdb",
              "",
              "status"),
          r(
              "apiextensions.k8s.io/v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              CLUSTER,
              "crd crds",
              "",
              "status"),
          r("coordination.k8s.io/v1", "leases", "Lease", NAMESPACED, "", "", ""),
          r(
              "autoscaling/v2",
              "horizontalpodautoscalers",
              "HorizontalPodAutoscaler",
              NAMESPACED,
              "hpa",
              "all",
              "status"),
          r("events.k8s.io/v1", "events", "Event", NAMESPACED, "ev", "", ""),
          r(
              "snapshot.storage.k8s.io/v1",
              "volumesnapshots",
              "VolumeSnapshot",
              NAMESPACED,
              "vs",
              "",
              "status"),
          r(
              "snapshot.storage.k8s.io/v1",
              "volumesnapshotcontents",
              "VolumeSnapshotContent",
              CLUSTER,
              "vsc vscs",
              "",
              "status"),
          r(
              "snapshot.storage.k8s.io/v1",
              "volumesnapshotclasses",
              "VolumeSnapshotClass",
              CLUSTER,
              "vsclass vsclasses",
              "",
              ""));

  private BuiltinResources() {}

  private static ResourceType r(
      String groupVersion,
      String plural,
      String kind,
      boolean namespaced,
      String shortNames,
      String categories,
      String subresources) {
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = groupVersion.substring(slash + 1);
    return new ResourceType(
        group,
        version,
        plural,
        kind.toLowerCase(Locale.ROOT),
        kind,
        namespaced,
        words(shortNames),
        words(categories),
        words(subresources));
  }

  private static List<String> words(String spaceSeparated) {
    return spaceSeparated.isBlank()
        ? List.of()
        : Arrays.asList(spaceSeparated.trim().split("\\s+"));
  }
}
