package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.crd;
import static io.stowage.k8s.it.Seeds.deployment;
import static io.stowage.k8s.it.Seeds.excludedByLabel;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After the items, the CRD of every custom resource type that had an item backed up, unless CRDs
 * are excluded or listed anyway (§6.14).
 */
class CustomResourceDefinitionsTest extends ClusterTestBase {
  private static final String CRD_DIR = "customresourcedefinitions.apiextensions.k8s.io";
  private static final String WIDGETS_CRD = Paths.crd("widgets.example.com");
  private static final String GADGETS_CRD = Paths.crd("gadgets.example.com");
  private static final String THINGS_CRD = Paths.crd("things.example.com");
  private static final String W1 = Paths.ns("widgets.example.com", "a", "w1");
  private static final String W2 = Paths.ns("widgets.example.com", "a", "w2");
  private static final String THING = Paths.cluster("things.example.com", "t1");

  @BeforeEach
  void seed() {
    fixture.seed(
        crd("example.com", "widgets", "Widget", true),
        crd("example.com", "gadgets", "Gadget", true),
        crd("example.com", "things", "Thing", false));
    fixture.seed(
        namespace("a"),
        object("example.com/v1", "Widget", "a", "w1"),
        object("example.com/v1", "Widget", "a", "w2"),
        object("example.com/v1", "Thing", null, "t1"),
        configMap("a", "cm"),
        deployment("a", "web"));
  }

  @Test
  void backingUpCustomResourcesAddsTheirCrd() {
    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getWarnings()).isZero();
    assertThat(run.status().getErrors()).isZero();
    assertThat(run.items()).contains(W1, W2);
    assertThat(run.items(CRD_DIR)).containsExactly(WIDGETS_CRD);
    assertThat(run.entryNames())
        .contains(
            "resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/"
                + "widgets.example.com.json");
    assertThat(run.json(WIDGETS_CRD).path("kind").asString()).isEqualTo("CustomResourceDefinition");
    assertThat(run.resourceList().get("apiextensions.k8s.io/v1/CustomResourceDefinition"))
        .containsExactly("widgets.example.com");
    // the CRD comes after the custom resources that asked for it
    assertThat(run.items().indexOf(WIDGETS_CRD)).isGreaterThan(run.items().indexOf(W2));
  }

  @Test
  void builtInTypesGetNoCrd() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setIncludedNamespaceScopedResources(List.of("configmaps", "deployments"));
            });

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            Paths.cm("a", "cm"), Paths.ns("deployments.apps", "a", "web"), Paths.namespace("a"));
    assertThat(run.status().getWarnings()).isZero();
    assertThat(run.status().getErrors()).isZero();
  }

  @Test
  void noCrdWhenCrdsAreExcluded() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setExcludedClusterScopedResources(List.of("customresourcedefinitions"));
            });

    assertThat(run.items()).contains(W1, W2);
    assertThat(run.items(CRD_DIR)).isEmpty();
  }

  @Test
  void aFullBackupListsEveryCrdOnce() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.items(CRD_DIR)).containsExactlyInAnyOrder(WIDGETS_CRD, GADGETS_CRD, THINGS_CRD);
    assertThat(run.items()).contains(W1, W2, THING);
  }

  @Test
  void clusterScopedCustomResourcesBringTheirCrdToo() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setIncludedClusterScopedResources(List.of("things.example.com"));
            });

    assertThat(run.items(CRD_DIR)).containsExactlyInAnyOrder(WIDGETS_CRD, THINGS_CRD);
  }

  @Test
  void oldModeWithNilAndCrdsNotIncludedExcludesThem() {
    // ShouldExclude(customresourcedefinitions) is true in old mode when includeClusterResources
    // is nil and the resource filter does not include CRDs, so the CRD step does not run.
    Run run = fixture.backup(spec -> spec.setIncludedResources(List.of("widgets.example.com")));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(W1, W2);
  }

  @Test
  void oldModeWithCrdsIncludedButNotListedRunsTheCrdStep() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(
                  List.of("widgets.example.com", "customresourcedefinitions"));
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(W1, W2, WIDGETS_CRD);
  }

  @Test
  void oldModeWithoutClusterResourcesHasNoCrds() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludeClusterResources(false);
              spec.setIncludedNamespaces(List.of("a"));
            });

    assertThat(run.items()).contains(W1, W2);
    assertThat(run.items(CRD_DIR)).isEmpty();
  }

  @Test
  void aCrdLabelledExcludeFromBackupIsNotAdded() {
    fixture.seed(excludedByLabel(crd("example.com", "widgets", "Widget", true)));

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(run.items()).contains(W1, W2);
    assertThat(run.items(CRD_DIR)).isEmpty();
  }
}
