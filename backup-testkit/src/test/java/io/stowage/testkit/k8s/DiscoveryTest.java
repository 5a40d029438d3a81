package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.ApiVisitor;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    k8s = EmbeddedKubernetes.builder().gitVersion("v1.31.4").build().start();
    client = k8s.client();
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @BeforeEach
  void emptyStore() {
    k8s.reset();
  }

  @Test
  void versionReportsConfiguredGitVersionWithMajorAndMinor() {
    VersionInfo version = client.getKubernetesVersion();

    assertThat(version.getGitVersion()).isEqualTo("v1.31.4");
    assertThat(version.getMajor()).isEqualTo("1");
    assertThat(version.getMinor()).isEqualTo("31");
  }

  @Test
  void builtInGroupResourcesCarryVerbsAndShortNames() {
    APIResource deployments = resource(client.getApiResources("apps/v1"), "deployments");

    assertThat(deployments.getKind()).isEqualTo("Deployment");
    assertThat(deployments.getNamespaced()).isTrue();
    assertThat(deployments.getSingularName()).isEqualTo("deployment");
    assertThat(deployments.getVerbs()).contains("list", "create", "get", "delete", "watch");
    assertThat(deployments.getShortNames()).containsExactly("deploy");
    assertThat(names(client.getApiResources("apps/v1")))
        .contains("deployments/scale", "deployments/status", "statefulsets", "replicasets");
  }

  @Test
  void coreResourcesIncludeConfigMapsAndPodSubresources() {
    APIResourceList core = client.getApiResources("v1");

    APIResource configMaps = resource(core, "configmaps");
    assertThat(configMaps.getShortNames()).containsExactly("cm");
    assertThat(configMaps.getKind()).isEqualTo("ConfigMap");
    assertThat(resource(core, "namespaces").getNamespaced()).isFalse();
    assertThat(resource(core, "pods/exec").getVerbs()).containsExactlyInAnyOrder("create", "get");
    assertThat(client.getAPIVersions().getVersions()).containsExactly("v1");
  }

  @Test
  void groupsListPreferredVersions() {
    Map<String, String> preferred =
        client.getApiGroups().getGroups().stream()
            .collect(
                Collectors.toMap(APIGroup::getName, g -> g.getPreferredVersion().getVersion()));

    assertThat(preferred)
        .containsEntry("apps", "v1")
        .containsEntry("autoscaling", "v2")
        .containsEntry("snapshot.storage.k8s.io", "v1")
        .doesNotContainKey("velero.io");
    assertThat(client.getApiGroup("batch").getVersions())
        .extracting(GroupVersionForDiscovery::getGroupVersion)
        .containsExactly("batch/v1");
  }

  @Test
  void crdCreatedOverHttpAddsItsGroupAndResources() {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(Fixtures.crd("backups", "Backup", "Namespaced"))
        .create();

    APIGroup velero = client.getApiGroup("velero.io");
    assertThat(velero.getPreferredVersion().getVersion()).isEqualTo("v1");
    assertThat(velero.getVersions())
        .extracting(GroupVersionForDiscovery::getVersion)
        .containsExactly("v1", "v2alpha1");
    assertThat(client.getApiGroups().getGroups())
        .extracting(APIGroup::getName)
        .contains("velero.io");

    APIResourceList v1 = client.getApiResources("velero.io/v1");
    APIResource backups = resource(v1, "backups");
    assertThat(backups.getVerbs()).contains("list", "create", "get", "delete", "patch");
    assertThat(backups.getSingularName()).isEqualTo("backup");
    assertThat(backups.getShortNames()).containsExactly("ba");
    assertThat(backups.getCategories()).containsExactly("velero");
    assertThat(backups.getNamespaced()).isTrue();
    assertThat(names(v1)).contains("backups/status");
    assertThat(names(client.getApiResources("velero.io/v2alpha1"))).containsExactly("backups");
  }

  @Test
  void visitResourcesReachesCrdResourcesAndTheirObjects() {
    k8s.seed(Fixtures.crd("restores", "Restore", "Namespaced"));
    client
        .genericKubernetesResources("velero.io/v1", "Restore")
        .inNamespace("velero")
        .resource(restore("r1"))
        .create();
    Map<String, Integer> counts = new ConcurrentHashMap<>();

    client.visitResources(
        (group, version, resource, operation) -> {
          if (resource.getName().equals("restores") || resource.getName().equals("configmaps")) {
            counts.put(
                group + "/" + version + "/" + resource.getName(),
                operation.inAnyNamespace().list().getItems().size());
          }
          return ApiVisitor.ApiVisitResult.CONTINUE;
        });

    assertThat(counts).containsEntry("velero.io/v1/restores", 1).containsKey("/v1/configmaps");
  }

  @Test
  void deletingTheCrdRemovesItsGroup() {
    k8s.seed(Fixtures.crd("schedules", "Schedule", "Namespaced"));
    assertThat(client.getApiGroup("velero.io")).isNotNull();

    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("schedules.velero.io")
        .delete();

    assertThat(client.getApiGroups().getGroups())
        .extracting(APIGroup::getName)
        .doesNotContain("velero.io");
  }

  @Test
  void rawDiscoveryIgnoresQueryStringsAndOpenApiIsNotFound() throws Exception {
    HttpResponse<String> apis = get("/apis?timeout=32s");
    HttpResponse<String> openApi = get("/openapi/v2?timeout=32s");
    HttpResponse<String> unknownGroup = get("/apis/nope.example.com/v1");
    HttpResponse<String> root = get("/");

    assertThat(apis.statusCode()).isEqualTo(200);
    assertThat(apis.body()).contains("\"kind\":\"APIGroupList\"", "\"name\":\"apps\"");
    assertThat(openApi.statusCode()).isEqualTo(404);
    assertThat(unknownGroup.statusCode()).isEqualTo(404);
    assertThat(root.body()).contains("\"/apis/apps/v1\"");
  }

  @Test
  void builtInGroupsAreDistinctAndResourcesHaveNoDuplicates() {
    Set<String> seen = new java.util.HashSet<>();
    for (APIGroup group : client.getApiGroups().getGroups()) {
      assertThat(seen.add(group.getName())).as("duplicate group %s", group.getName()).isTrue();
      List<String> names =
          names(client.getApiResources(group.getPreferredVersion().getGroupVersion()));
      assertThat(names).doesNotHaveDuplicates();
    }
  }

  private static GenericKubernetesResource restore(String name) {
    GenericKubernetesResource r = Fixtures.backup("velero", name);
    r.setKind("Restore");
    return r;
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(k8s.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static APIResource resource(APIResourceList list, String name) {
    return list.getResources().stream()
        .filter(r -> r.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + names(list)));
  }

  private static List<String> names(APIResourceList list) {
    return list.getResources().stream().map(APIResource::getName).collect(Collectors.toList());
  }
}
