package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.clusterRole;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.deployment;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pod;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.secret;
import static io.stowage.k8s.it.Seeds.statefulSet;
import static io.stowage.k8s.it.Seeds.storageClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resource entries are resolved through discovery (plural, singular, kind, short name, {@code
 * resource.group}); entries that do not resolve stay verbatim and act as globs (§5.1, §5.3).
 */
class ResourceNamesTest extends ClusterTestBase {
  private static final String CM = Paths.cm("a", "cm");
  private static final String SECRET = Paths.ns("secrets", "a", "s");
  private static final String DEPLOY = Paths.ns("deployments.apps", "a", "web");
  private static final String STS = Paths.ns("statefulsets.apps", "a", "db");
  private static final String POD = Paths.ns("pods", "a", "p");
  private static final String PV = Paths.pv("pv-1");
  private static final String CLUSTER_ROLE = Paths.clusterRole("reader");
  private static final String STORAGE_CLASS = Paths.storageClass("fast");

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        configMap("a", "cm"),
        secret("a", "s"),
        deployment("a", "web"),
        statefulSet("a", "db"),
        pod("a", "p"),
        pv("pv-1"),
        clusterRole("reader"),
        storageClass("fast"));
  }

  private static Run includeResources(String... entries) {
    return fixture.backup(spec -> spec.setIncludedResources(List.of(entries)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"configmaps", "configmap", "ConfigMap", "CONFIGMAPS", "cm"})
  void configMapsByPluralSingularKindAnyCaseAndShortName(String entry) {
    Run run = includeResources(entry);

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deployments.apps", "deploy", "deployment", "Deployment.apps"})
  void deploymentsByGroupQualifiedNameAndShortName(String entry) {
    Run run = includeResources(entry);

    assertThat(run.itemSet()).containsExactlyInAnyOrder(DEPLOY);
  }

  @Test
  void resolvedEntriesBecomeCanonicalInTheLog() {
    Run run = includeResources("cm", "deploy");

    assertThat(run.log()).contains("Including resources: configmaps, deployments.apps");
  }

  @Test
  void unresolvableGlobStaysVerbatimAndMatchesGroupResources() {
    // "*.apps" parses as resource "*" in group "apps", which discovery cannot resolve; kept as a
    // glob it matches every type of the apps group.
    Run run = includeResources("*.apps");

    assertThat(run.itemSet()).containsExactlyInAnyOrder(DEPLOY, STS);
  }

  @Test
  void starInAGlobMatchesDots() {
    Run run = includeResources("*.k8s.io");

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CLUSTER_ROLE, STORAGE_CLASS);
  }

  @Test
  void prefixGlob() {
    Run run = includeResources("config*", "stateful?ets.apps");

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM, STS);
  }

  @Test
  void unknownTypeMatchesNothing() {
    Run run = includeResources("widgets.example.com");

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items()).isEmpty();
  }

  @Test
  void excludesResolveTheSameWay() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(List.of("*"));
              spec.setExcludedResources(
                  List.of("secret", "deploy", "sc", "*.rbac.authorization.k8s.io"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM, POD, STS, Paths.namespace("a"), PV);
  }

  @Test
  void scopedListsResolveShortNamesToo() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaceScopedResources(List.of("cm", "po"));
              spec.setIncludedClusterScopedResources(List.of("pv"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM, POD, Paths.namespace("a"), PV);
  }

  @Test
  void everyKindOfEntryInOneList() {
    Run run = includeResources("ConfigMap", "secrets", "deploy", "statefulsets.apps", "po");

    assertThat(run.itemSet()).containsExactlyInAnyOrder(CM, POD, SECRET, DEPLOY, STS);
  }
}
