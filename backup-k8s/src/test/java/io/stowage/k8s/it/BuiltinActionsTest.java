package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.clusterRole;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.object;
import static io.stowage.k8s.it.Seeds.pod;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.pvc;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in actions {@code velero.io/pod}, {@code velero.io/pv} and {@code
 * velero.io/service-account} bring related cluster items into a namespace-filtered backup with
 * {@code includeClusterResources} nil (facts §5.6, §6.12), written before the item that asked.
 */
class BuiltinActionsTest extends ClusterTestBase {
  private static final String POD = Paths.ns("pods", "a", "p");
  private static final String PVC = Paths.ns("persistentvolumeclaims", "a", "data");
  private static final String PV = Paths.pv("pv-1");
  private static final String PRIORITY_CLASS =
      Paths.cluster("priorityclasses.scheduling.k8s.io", "high");

  private static GenericKubernetesResource podWithClaim(String claim, String priorityClass) {
    GenericKubernetesResource pod = pod("a", "p");
    pod.setAdditionalProperty(
        "spec",
        Map.of(
            "priorityClassName",
            priorityClass,
            "containers",
            List.of(Map.of("name", "main", "image", "busybox")),
            "volumes",
            List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", claim)))));
    return pod;
  }

  private static GenericKubernetesResource priorityClass(String name) {
    GenericKubernetesResource pc = object("scheduling.k8s.io/v1", "PriorityClass", null, name);
    pc.setAdditionalProperty("value", 1000);
    return pc;
  }

  private static GenericKubernetesResource binding(
      String name, String role, String saNamespace, String saName) {
    GenericKubernetesResource crb =
        object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, name);
    crb.setAdditionalProperty(
        "roleRef",
        Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", role));
    crb.setAdditionalProperty(
        "subjects",
        List.of(Map.of("kind", "ServiceAccount", "name", saName, "namespace", saNamespace)));
    return crb;
  }

  private static Run backUpNamespaceA() {
    return fixture
        .runner()
        .standardActions(true)
        .spec(spec -> spec.setIncludedNamespaces(List.of("a")))
        .run();
  }

  @Test
  void aPodBringsItsClaimItsVolumeAndItsPriorityClassVolumeFirst() {
    fixture.seed(
        namespace("a"),
        podWithClaim("data", "high"),
        pvc("a", "data", "pv-1"),
        pv("pv-1"),
        pv("pv-2"),
        priorityClass("high"),
        priorityClass("low"));

    Run run = backUpNamespaceA();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(Paths.namespace("a"), POD, PVC, PV, PRIORITY_CLASS);
    List<String> items = run.items();
    assertThat(items.indexOf(PV)).isLessThan(items.indexOf(PVC));
    assertThat(items.indexOf(PVC)).isLessThan(items.indexOf(POD));
    assertThat(items.indexOf(PRIORITY_CLASS)).isLessThan(items.indexOf(POD));
    assertThat(run.resourceList())
        .containsEntry("v1/PersistentVolume", List.of("pv-1"))
        .containsEntry("scheduling.k8s.io/v1/PriorityClass", List.of("high"));
  }

  @Test
  void theStoredClaimLosesItsDataSource() {
    GenericKubernetesResource claim = pvc("a", "data", "pv-1");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        new java.util.LinkedHashMap<>(
            (Map<String, Object>) claim.getAdditionalProperties().get("spec"));
    spec.put(
        "dataSource",
        Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot", "name", "snap"));
    spec.put("storageClassName", "fast");
    claim.setAdditionalProperty("spec", spec);
    fixture.seed(namespace("a"), claim, pv("pv-1"));

    Run run = backUpNamespaceA();

    assertThat(run.json(PVC).path("spec").has("dataSource")).isFalse();
    assertThat(run.json(PVC).path("spec").path("volumeName").asString()).isEqualTo("pv-1");
    assertThat(run.itemSet()).contains(PV);
  }

  @Test
  void aServiceAccountBringsItsClusterRoleBindingsAndTheirClusterRoles() {
    fixture.seed(
        namespace("a"),
        object("v1", "ServiceAccount", "a", "sa"),
        binding("sa-reader", "reader", "a", "sa"),
        binding("someone-else", "writer", "b", "sa"),
        clusterRole("reader"),
        clusterRole("writer"));

    Run run = backUpNamespaceA();

    String crb = Paths.cluster("clusterrolebindings.rbac.authorization.k8s.io", "sa-reader");
    String sa = Paths.ns("serviceaccounts", "a", "sa");
    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(Paths.namespace("a"), sa, crb, Paths.clusterRole("reader"));
    List<String> items = run.items();
    assertThat(items.indexOf(crb)).isLessThan(items.indexOf(sa));
    assertThat(items.indexOf(Paths.clusterRole("reader"))).isLessThan(items.indexOf(sa));
  }
}
