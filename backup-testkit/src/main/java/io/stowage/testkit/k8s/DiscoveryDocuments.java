package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the discovery documents ({@code /version}, {@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/<group>}, {@code /apis/<group>/<version>} and the root path list) from an {@link
 * ApiCatalog}, as JSON.
 */
final class DiscoveryDocuments {

  /** The verbs every top-level resource supports. */
  static final List<String> FULL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final Pattern GIT_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\..*)?");
  private static final Pattern GROUP_PATH = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION_PATH = Pattern.compile("/apis/([^/]+)/([^/]+)");

  private final String versionJson;

  /**
   * @param gitVersion what {@code /version} reports, e.g. {@code v1.32.0}; major and minor are
   *     derived from it
   * @throws IllegalArgumentException if it does not start with {@code v<major>.<minor>}
   */
  DiscoveryDocuments(String gitVersion) {
    Matcher m = GIT_VERSION.matcher(gitVersion == null ? "" : gitVersion);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "gitVersion must look like v<major>.<minor>.<patch>, e.g. v1.32.0; got: " + gitVersion);
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("major", m.group(1));
    info.put("minor", m.group(2));
    info.put("gitVersion", gitVersion);
    info.put("gitCommit", "0000000000000000000000000000000000000000");
    info.put("gitTreeState", "clean");
    info.put("buildDate", "2025-01-01T00:00:00Z");
    info.put("goVersion", "go1.23.4");
    info.put("compiler", "gc");
    info.put("platform", "linux/amd64");
    versionJson = Serialization.asJson(info);
  }

  /** Whether {@code path} (no query string) is one of the discovery paths this class answers. */
  static boolean isDiscoveryPath(String path) {
    return path.equals("/")
        || path.equals("/version")
        || path.equals("/api")
        || path.equals("/api/v1")
        || path.equals("/apis")
        || GROUP_PATH.matcher(path).matches()
        || GROUP_VERSION_PATH.matcher(path).matches();
  }

  /**
   * The document for a discovery path, or empty when the path names a group or group version that
   * is not served (the caller answers 404).
   */
  Optional<String> render(String path, ApiCatalog catalog) {
    switch (path) {
      case "/":
        return Optional.of(rootPaths(catalog));
      case "/version":
        return Optional.of(versionJson);
      case "/api":
        return Optional.of(
            Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()));
      case "/apis":
        return Optional.of(groupList(catalog));
      default:
        break;
    }
    if (path.equals("/api/v1")) {
      return catalog.resources("v1").map(types -> resourceList("v1", types));
    }
    Matcher gv = GROUP_VERSION_PATH.matcher(path);
    if (gv.matches()) {
      String groupVersion = gv.group(1) + "/" + gv.group(2);
      return catalog.resources(groupVersion).map(types -> resourceList(groupVersion, types));
    }
    Matcher g = GROUP_PATH.matcher(path);
    if (g.matches()) {
      return catalog.group(g.group(1)).map(group -> Serialization.asJson(apiGroup(group)));
    }
    return Optional.empty();
  }

  private static String rootPaths(ApiCatalog catalog) {
    List<String> paths = new ArrayList<>(List.of("/api", "/api/v1", "/apis"));
    for (ApiCatalog.Group group : catalog.groups()) {
      paths.add("/apis/" + group.name());
      group.versions().forEach(v -> paths.add("/apis/" + group.name() + "/" + v));
    }
    paths.addAll(List.of("/healthz", "/livez", "/readyz", "/version"));
    return Serialization.asJson(new RootPathsBuilder().withPaths(paths).build());
  }

  private static String groupList(ApiCatalog catalog) {
    List<APIGroup> groups = new ArrayList<>();
    catalog.groups().forEach(g -> groups.add(apiGroup(g)));
    return Serialization.asJson(new APIGroupListBuilder().withGroups(groups).build());
  }

  private static APIGroup apiGroup(ApiCatalog.Group group) {
    List<GroupVersionForDiscovery> versions = new ArrayList<>();
    for (String v : group.versions()) {
      versions.add(new GroupVersionForDiscovery(group.name() + "/" + v, v));
    }
    return new APIGroupBuilder()
        .withName(group.name())
        .withVersions(versions)
        .withPreferredVersion(
            new GroupVersionForDiscovery(
                group.name() + "/" + group.preferredVersion(), group.preferredVersion()))
        .build();
  }

  private static String resourceList(String groupVersion, List<ResourceType> types) {
    List<APIResource> resources = new ArrayList<>();
    for (ResourceType t : types) {
      resources.add(
          new APIResourceBuilder()
              .withName(t.plural())
              .withSingularName(t.singular())
              .withNamespaced(t.namespaced())
              .withKind(t.kind())
              .withVerbs(FULL_VERBS)
              .withShortNames(t.shortNames().isEmpty() ? null : t.shortNames())
              .withCategories(t.categories().isEmpty() ? null : t.categories())
              .build());
      for (String sub : t.subresources()) {
        resources.add(Subresources.describe(t, sub));
      }
    }
    return Serialization.asJson(
        new APIResourceListBuilder()
            .withGroupVersion(groupVersion)
            .withResources(resources)
            .build());
  }
}
