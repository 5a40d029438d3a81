package io.stowage.k8s;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds Kubernetes REST paths. */
final class ApiPaths {
  private ApiPaths() {}

  /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
  static String groupVersion(String group, String version) {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** The collection path of a type, in a namespace or ({@code ""}) across all namespaces. */
  static String collection(String group, String version, String resource, String namespace) {
    String base = groupVersion(group, version);
    return namespace.isEmpty()
        ? base + "/" + resource
        : base + "/namespaces/" + segment(namespace) + "/" + resource;
  }

  /** The path of one named object. */
  static String object(
      String group, String version, String resource, String namespace, String name) {
    return collection(group, version, resource, namespace) + "/" + segment(name);
  }

  static String query(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
