package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.clusterRole;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.secret;
import static io.stowage.k8s.it.Seeds.storageClass;
import static io.stowage.k8s.it.Seeds.volumeSnapshot;
import static io.stowage.k8s.it.Seeds.volumeSnapshotContent;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The new (scoped) filter mode: separate namespaced and cluster-scoped lists, the full-backup rule,
 * {@code namespaces} always allowed, and the automatic CSI excludes (§5.4, §5.5 with the Stowage
 * decision).
 */
class ScopedFilterModeTest extends ClusterTestBase {
  private static final String CM_A = Paths.cm("a", "cm");
  private static final String CM_B = Paths.cm("b", "cm");
  private static final String SECRET_A = Paths.ns("secrets", "a", "s");
  private static final String NS_A = Paths.namespace("a");
  private static final String NS_B = Paths.namespace("b");
  private static final String PV_1 = Paths.pv("pv-1");
  private static final String CLUSTER_ROLE = Paths.clusterRole("reader");
  private static final String STORAGE_CLASS = Paths.storageClass("fast");

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        configMap("a", "cm"),
        configMap("b", "cm"),
        secret("a", "s"),
        pv("pv-1"),
        clusterRole("reader"),
        storageClass("fast"),
        volumeSnapshot("a", "snap"),
        volumeSnapshotContent("snapcontent"));
  }

  @Test
  void noFiltersIsAFullBackupOfEveryClusterScopedTypeButTheCsiIntermediates() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            CM_A, CM_B, SECRET_A, NS_A, NS_B, PV_1, CLUSTER_ROLE, STORAGE_CLASS);
    // the automatic excludes are persisted in the spec, as Velero does, and did not end the
    // full backup (Stowage decision, facts §5.5)
    BackupSpec stored = VeleroJson.readBackup(run.metadataText()).getSpec();
    assertThat(stored.getIncludedNamespaces()).containsExactly("*");
    assertThat(stored.getExcludedNamespaceScopedResources())
        .containsExactly("volumesnapshots.snapshot.storage.k8s.io");
    assertThat(stored.getExcludedClusterScopedResources())
        .containsExactly("volumesnapshotcontents.snapshot.storage.k8s.io");
  }

  @Test
  void aUserClusterExcludeEndsTheFullBackup() {
    Run run =
        fixture.backup(spec -> spec.setExcludedClusterScopedResources(List.of("storageclasses")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, SECRET_A, NS_A, NS_B);
  }

  @Test
  void aUserNamespacedExcludeEndsTheFullBackup() {
    Run run = fixture.backup(spec -> spec.setExcludedNamespaceScopedResources(List.of("secrets")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, NS_A, NS_B);
  }

  @Test
  void aNamespacedIncludeEndsTheFullBackup() {
    Run run =
        fixture.backup(spec -> spec.setIncludedNamespaceScopedResources(List.of("configmaps")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, NS_A, NS_B);
  }

  @Test
  void aNamespaceFilterEndsTheFullBackup() {
    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, SECRET_A, NS_A);
  }

  @Test
  void clusterIncludeStarListsEveryClusterTypeDespiteANamespaceFilter() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setIncludedClusterScopedResources(List.of("*"));
            });

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(CM_A, SECRET_A, NS_A, PV_1, CLUSTER_ROLE, STORAGE_CLASS);
  }

  @Test
  void namespacesAreAlwaysAllowedBesideTheIncludedClusterTypes() {
    Run run =
        fixture.backup(
            spec -> spec.setIncludedClusterScopedResources(List.of("persistentvolumes")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, SECRET_A, NS_A, NS_B, PV_1);
  }

  @Test
  void namespacesGoOnlyWhenExplicitlyExcluded() {
    Run run = fixture.backup(spec -> spec.setExcludedClusterScopedResources(List.of("namespaces")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM_A, CM_B, SECRET_A);
  }

  @Test
  void namespacedIncludesAndExcludesTogether() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaceScopedResources(List.of("configmaps", "secrets"));
              spec.setExcludedNamespaceScopedResources(List.of("secrets"));
            });

    // a list pair naming one type on both sides is invalid; Velero says so
    assertThat(run.phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "Invalid namespace-scoped included/excluded resource lists: excludes list cannot"
                + " contain an item in the includes list: secrets");
  }

  @Test
  void namespacedExcludeStarLeavesOnlyNamespaceObjects() {
    Run run = fixture.backup(spec -> spec.setExcludedNamespaceScopedResources(List.of("*")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(NS_A, NS_B);
  }

  @Test
  void scopedIncludesOfEitherScope() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaceScopedResources(List.of("secrets"));
              spec.setIncludedClusterScopedResources(List.of("clusterroles", "storageclasses"));
              spec.setExcludedClusterScopedResources(List.of("storageclasses"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);

    Run valid =
        fixture
            .runner()
            .name("valid")
            .spec(
                spec -> {
                  spec.setIncludedNamespaceScopedResources(List.of("secrets"));
                  spec.setIncludedClusterScopedResources(List.of("clusterroles"));
                })
            .run();
    assertThat(valid.itemSet()).containsExactlyInAnyOrder(SECRET_A, NS_A, NS_B, CLUSTER_ROLE);
  }
}
