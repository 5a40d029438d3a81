package io.stowage.k8s.it;

/** Velero's tarball paths of items, for expectations (facts §1.4). */
final class Paths {
  private Paths() {}

  /** {@code resources/<gr>/namespaces/<ns>/<name>.json}. */
  static String ns(String groupResource, String namespace, String name) {
    return "resources/" + groupResource + "/namespaces/" + namespace + "/" + name + ".json";
  }

  /** {@code resources/<gr>/cluster/<name>.json}. */
  static String cluster(String groupResource, String name) {
    return "resources/" + groupResource + "/cluster/" + name + ".json";
  }

  /** {@code resources/namespaces/cluster/<name>.json}: a Namespace object. */
  static String namespace(String name) {
    return cluster("namespaces", name);
  }

  /** A ConfigMap. */
  static String cm(String namespace, String name) {
    return ns("configmaps", namespace, name);
  }

  /** A PersistentVolume. */
  static String pv(String name) {
    return cluster("persistentvolumes", name);
  }

  static String clusterRole(String name) {
    return cluster("clusterroles.rbac.authorization.k8s.io", name);
  }

  static String storageClass(String name) {
    return cluster("storageclasses.storage.k8s.io", name);
  }

  static String crd(String name) {
    return cluster("customresourcedefinitions.apiextensions.k8s.io", name);
  }
}
