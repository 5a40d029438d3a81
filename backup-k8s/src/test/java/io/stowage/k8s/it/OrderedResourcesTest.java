package io.stowage.k8s.it;

import static io.stowage.k8s.it.LabelSelectorTest.matchLabels;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.deployment;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code orderedResources}: the named items go first within their type, in the given order; a name
 * the listing did not return is a warning (§5.12).
 */
class OrderedResourcesTest extends ClusterTestBase {

  @BeforeEach
  void seed() {
    fixture.seed(namespace("a"), namespace("b"), configMap("b", "cm-0"));
    for (int i = 0; i < 5; i++) {
      fixture.seed(configMap("a", "cm-" + i));
    }
  }

  private static Run ordered(Map<String, String> order) {
    return fixture.backup(spec -> spec.setOrderedResources(order));
  }

  @Test
  void namedItemsGoFirstInTheGivenOrderThenTheRestInListOrder() {
    Run run = ordered(Map.of("configmaps", "a/cm-3,a/cm-1"));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getWarnings()).isZero();
    assertThat(run.items("configmaps"))
        .containsExactly(
            Paths.cm("a", "cm-3"),
            Paths.cm("a", "cm-1"),
            Paths.cm("a", "cm-0"),
            Paths.cm("a", "cm-2"),
            Paths.cm("a", "cm-4"),
            Paths.cm("b", "cm-0"));
  }

  @Test
  void aMissingNameIsAWarning() {
    Run run = ordered(Map.of("configmaps", "a/cm-2,a/nope"));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.items("configmaps").get(0)).isEqualTo(Paths.cm("a", "cm-2"));
    assertThat(run.items("configmaps")).hasSize(6);
    assertThat(run.log()).contains("level=warning").contains("Cannot find resource 'a/nope'.");
    assertThat(run.sideFile(BackupFile.RESULTS).path("warnings").toString())
        .contains("Cannot find resource 'a/nope'.");
  }

  @Test
  void namesAreNotTrimmed() {
    Run run = ordered(Map.of("configmaps", "a/cm-4, a/cm-1"));

    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.log()).contains("Cannot find resource ' a/cm-1'.");
    assertThat(run.items("configmaps").get(0)).isEqualTo(Paths.cm("a", "cm-4"));
  }

  @Test
  void clusterScopedItemsAreNamedWithoutNamespace() {
    fixture.seed(pv("pv-1"), pv("pv-2"), pv("pv-3"));

    Run run = ordered(Map.of("persistentvolumes", "pv-3,pv-1"));

    assertThat(run.items("persistentvolumes"))
        .containsExactly(Paths.pv("pv-3"), Paths.pv("pv-1"), Paths.pv("pv-2"));
    assertThat(run.status().getWarnings()).isZero();
  }

  @Test
  void theKeyIsThePluralWithoutGroup() {
    fixture.seed(deployment("a", "web-1"), deployment("a", "web-2"));

    Run run = ordered(Map.of("deployments", "a/web-2"));

    assertThat(run.items("deployments.apps"))
        .containsExactly(
            Paths.ns("deployments.apps", "a", "web-2"), Paths.ns("deployments.apps", "a", "web-1"));
  }

  @Test
  void anItemTheLabelSelectorDoesNotListIsNotFound() {
    fixture.seed(
        labelled(configMap("a", "web-1"), "app", "web"),
        labelled(configMap("a", "web-2"), "app", "web"));

    Run run =
        fixture.backup(
            spec -> {
              spec.setLabelSelector(matchLabels("app", "web"));
              spec.setOrderedResources(Map.of("configmaps", "a/cm-0,a/web-2"));
            });

    assertThat(run.items("configmaps"))
        .containsExactly(Paths.cm("a", "web-2"), Paths.cm("a", "web-1"));
    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.log()).contains("Cannot find resource 'a/cm-0'.");
  }

  @Test
  void anItemInANamespaceThatIsNotListedIsNotFound() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setOrderedResources(Map.of("configmaps", "b/cm-0,a/cm-4"));
            });

    assertThat(run.items("configmaps").get(0)).isEqualTo(Paths.cm("a", "cm-4"));
    assertThat(run.items("configmaps")).doesNotContain(Paths.cm("b", "cm-0")).hasSize(5);
    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.log()).contains("Cannot find resource 'b/cm-0'.");
  }

  @Test
  void anItemOfAnExcludedNamespaceListedClusterWideIsFoundButNotBackedUp() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setExcludedNamespaces(List.of("b"));
              spec.setOrderedResources(Map.of("configmaps", "b/cm-0"));
            });

    assertThat(run.status().getWarnings()).isZero();
    assertThat(run.items("configmaps")).doesNotContain(Paths.cm("b", "cm-0")).hasSize(5);
  }
}
