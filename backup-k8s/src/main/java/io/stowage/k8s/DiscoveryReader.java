package io.stowage.k8s;

import io.stowage.core.cluster.ApiGroupVersions;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster.Discovery;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Walks the discovery endpoints: {@code /api}, {@code /apis} and each preferred group version. */
final class DiscoveryReader {
  private final KubeHttp http;
  private final ObjectMapper mapper;

  DiscoveryReader(KubeHttp http, ObjectMapper mapper) {
    this.http = http;
    this.mapper = mapper;
  }

  Discovery discover() {
    List<ApiGroupVersions> groups = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    JsonNode core = http.get("/api", mapper::readTree).orElse(null);
    String coreVersion = "v1";
    if (core != null && core.path("versions").size() > 0) {
      coreVersion = core.path("versions").get(0).asString();
    }
    addGroup(groups, failed, "", coreVersion);
    JsonNode apis = http.get("/apis", mapper::readTree).orElse(null);
    if (apis != null) {
      for (JsonNode group : apis.path("groups")) {
        String name = group.path("name").asString();
        String preferred = group.path("preferredVersion").path("version").asString("");
        if (preferred.isEmpty() && group.path("versions").size() > 0) {
          preferred = group.path("versions").get(0).path("version").asString();
        }
        addGroup(groups, failed, name, preferred);
      }
    }
    return new Discovery(groups, failed);
  }

  private void addGroup(
      List<ApiGroupVersions> groups, List<String> failed, String group, String version) {
    try {
      JsonNode list =
          http.get(ApiPaths.groupVersion(group, version), mapper::readTree).orElse(null);
      if (list == null) {
        failed.add((group.isEmpty() ? "" : group + "/") + version + ": not found");
        return;
      }
      List<ApiResource> resources = new ArrayList<>();
      for (JsonNode resource : list.path("resources")) {
        resources.add(
            new ApiResource(
                group,
                version,
                resource.path("name").asString(),
                resource.path("singularName").asString(""),
                resource.path("kind").asString(""),
                resource.path("namespaced").asBoolean(false),
                strings(resource.path("verbs")),
                strings(resource.path("shortNames"))));
      }
      groups.add(new ApiGroupVersions(group, version, resources));
    } catch (RuntimeException e) {
      failed.add((group.isEmpty() ? "" : group + "/") + version + ": " + e.getMessage());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      values.add(value.asString());
    }
    return values;
  }
}
