package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.clusterRole;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pod;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.storageClass;
import static io.stowage.k8s.it.TestActions.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.ResourceSelector;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The old filter mode: {@code includedResources} / {@code excludedResources} / {@code
 * includeClusterResources} nil, true, false (§5.4 table, §5.6).
 */
class OldFilterModeTest extends ClusterTestBase {
  private static final String CM_A = Paths.cm("a", "cm");
  private static final String CM_B = Paths.cm("b", "cm");
  private static final String POD_A = Paths.ns("pods", "a", "p");
  private static final String NS_A = Paths.namespace("a");
  private static final String NS_B = Paths.namespace("b");
  private static final String PV_1 = Paths.pv("pv-1");
  private static final String PV_2 = Paths.pv("pv-2");
  private static final String CLUSTER_ROLE = Paths.clusterRole("reader");
  private static final String STORAGE_CLASS = Paths.storageClass("fast");

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        configMap("a", "cm"),
        configMap("b", "cm"),
        pod("a", "p"),
        pv("pv-1"),
        pv("pv-2"),
        clusterRole("reader"),
        storageClass("fast"));
  }

  /** Runs on pods and asks for PV pv-1, as Velero's pod → PVC → PV chain would. */
  private static TestActions.Recording podNeedsPv() {
    return TestActions.additional(
        "test/pod-pv", ResourceSelector.resources("pods"), id("persistentvolumes", "", "pv-1"));
  }

  @Test
  void nilWithANamespaceFilterListsOnlyNamespacesAmongClusterTypes() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(List.of("*"));
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, POD_A, NS_A);
  }

  @Test
  void nilWithoutANamespaceFilterListsClusterTypes() {
    Run run = fixture.backup(spec -> spec.setIncludedResources(List.of("*")));

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            CM_A, CM_B, POD_A, NS_A, NS_B, PV_1, PV_2, CLUSTER_ROLE, STORAGE_CLASS);
  }

  @Test
  void nilListsClusterTypesOnlyWhenTheResourceFilterIncludesThem() {
    Run run =
        fixture.backup(spec -> spec.setIncludedResources(List.of("configmaps", "storageclasses")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, STORAGE_CLASS);
  }

  @Test
  void nilWithANamespaceFilterDoesNotListIncludedClusterTypes() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(List.of("configmaps", "storageclasses"));
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A);
  }

  @Test
  void falseListsNoClusterTypeNotEvenNamespaces() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(List.of("*"));
              spec.setIncludeClusterResources(false);
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, POD_A);
  }

  @Test
  void falseAloneSelectsTheOldModeAndNoClusterTypes() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludeClusterResources(false);
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, POD_A);
  }

  @Test
  void trueListsClusterTypesDespiteANamespaceFilter() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludeClusterResources(true);
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(CM_A, POD_A, NS_A, PV_1, PV_2, CLUSTER_ROLE, STORAGE_CLASS);
  }

  @Test
  void trueStillNeedsTheResourceFilterToIncludeTheType() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludeClusterResources(true);
              spec.setIncludedResources(List.of("configmaps", "persistentvolumes"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, PV_1, PV_2);
  }

  @Test
  void additionalClusterItemIsExcludedWhenNilAndTheResourceFilterLacksItsType() {
    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedResources(List.of("pods")))
            .actions(podNeedsPv())
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getErrors()).isZero();
    assertThat(run.itemSet()).containsExactlyInAnyOrder(POD_A);
  }

  @Test
  void additionalClusterItemIsKeptWhenNilAndItsTypeIsIncluded() {
    Run run =
        fixture
            .runner()
            .spec(
                spec -> {
                  spec.setIncludedResources(List.of("pods", "persistentvolumes"));
                  spec.setIncludedNamespaces(List.of("a"));
                })
            .actions(podNeedsPv())
            .run();

    // PVs are not listed (namespace filter), but pv-1 comes in for the pod, before it; no
    // Namespace objects, as `namespaces` is not among the included resources
    assertThat(run.itemSet()).containsExactlyInAnyOrder(POD_A, PV_1);
    assertThat(run.items().indexOf(PV_1)).isLessThan(run.items().indexOf(POD_A));
  }

  @Test
  void additionalClusterItemIsKeptWhenTrue() {
    Run run =
        fixture
            .runner()
            .spec(
                spec -> {
                  spec.setIncludedResources(List.of("pods"));
                  spec.setIncludeClusterResources(true);
                })
            .actions(podNeedsPv())
            .run();

    assertThat(run.itemSet()).containsExactlyInAnyOrder(POD_A, PV_1);
  }

  @Test
  void additionalClusterItemIsExcludedWhenFalse() {
    Run run =
        fixture
            .runner()
            .spec(
                spec -> {
                  spec.setIncludedResources(List.of("*"));
                  spec.setIncludeClusterResources(false);
                })
            .actions(podNeedsPv())
            .run();

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, POD_A);
  }

  @Test
  void additionalItemOfAnExcludedTypeIsExcluded() {
    Run run =
        fixture
            .runner()
            .spec(
                spec -> {
                  spec.setIncludedResources(List.of("*"));
                  spec.setExcludedResources(List.of("persistentvolumes"));
                  spec.setIncludeClusterResources(true);
                })
            .actions(podNeedsPv())
            .run();

    assertThat(run.items()).doesNotContain(PV_1, PV_2).contains(POD_A);
  }
}
