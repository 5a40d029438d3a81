package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.beingDeleted;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.coreEvent;
import static io.stowage.k8s.it.Seeds.eventsApiEvent;
import static io.stowage.k8s.it.Seeds.excludedByLabel;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pod;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.TestActions.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules applied to each item: the exclude label (§5.8), must-include additional items (§6.5),
 * deletion in progress (§5.13), and the two-group types (§5.9).
 */
class ItemRulesTest extends ClusterTestBase {
  private static final String POD = Paths.ns("pods", "a", "p");

  /** Runs on pods; returns them (marked must-include when asked) plus {@code additional}. */
  private static TestActions.Recording podAction(
      boolean mustInclude, ResourceIdentifier... additional) {
    return TestActions.action(
        "test/pod",
        ResourceSelector.resources("pods"),
        item ->
            new ActionResult(
                mustInclude ? TestActions.annotate(item, TestActions.MUST_INCLUDE, "true") : item,
                List.of(additional)));
  }

  @Test
  void excludeLabelSkipsANamespacedItem() {
    fixture.seed(namespace("a"), configMap("a", "keep"), excludedByLabel(configMap("a", "skip")));

    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "keep"));
    assertThat(run.resourceList().get("v1/ConfigMap")).containsExactly("a/keep");
  }

  @Test
  void excludeLabelSkipsAClusterScopedItem() {
    fixture.seed(excludedByLabel(pv("pv-1")), pv("pv-2"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.items("persistentvolumes")).containsExactly(Paths.pv("pv-2"));
  }

  @Test
  void excludeLabelOnlyCountsWithTheValueTrue() {
    fixture.seed(
        namespace("a"), Seeds.labelled(configMap("a", "cm"), Seeds.EXCLUDE_LABEL, "false"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "cm"));
  }

  @Test
  void excludeLabelSkipsAnAdditionalItem() {
    fixture.seed(namespace("a"), pod("a", "p"), excludedByLabel(configMap("a", "skip")));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedResources(List.of("pods")))
            .actions(podAction(false, id("configmaps", "a", "skip")))
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(POD);
  }

  @Test
  void additionalItemsOutsideTheFiltersAreLeftOut() {
    fixture.seed(namespace("a"), namespace("b"), pod("a", "p"), configMap("b", "elsewhere"));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedNamespaces(List.of("a")))
            .actions(podAction(false, id("configmaps", "b", "elsewhere")))
            .run();

    assertThat(run.items()).doesNotContain(Paths.cm("b", "elsewhere")).contains(POD);
  }

  @Test
  void mustIncludeAdditionalItemsBypassTheFiltersAndTheExcludeLabel() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        pod("a", "p"),
        configMap("b", "elsewhere"),
        excludedByLabel(configMap("a", "labelled")));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedNamespaces(List.of("a")))
            .actions(
                podAction(
                    true, id("configmaps", "b", "elsewhere"), id("configmaps", "a", "labelled")))
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items())
        .contains(Paths.cm("b", "elsewhere"), Paths.cm("a", "labelled"), POD)
        .doesNotContain(Paths.namespace("b"));
    // the annotation is for the engine only and never stored
    assertThat(run.json(POD).path("metadata").path("annotations").has(TestActions.MUST_INCLUDE))
        .isFalse();
  }

  @Test
  void mustIncludeSpeaksOnlyForTheAdditionalItemsOfTheActionThatSetIt() {
    // Velero removes the annotation as soon as it has read it, so a later action that returns
    // the item as it got it does not make its own additional items must-include.
    fixture.seed(namespace("a"), namespace("b"), pod("a", "p"), configMap("b", "elsewhere"));
    TestActions.Recording marks =
        TestActions.action(
            "test/marks",
            ResourceSelector.resources("pods"),
            item ->
                ActionResult.unchanged(
                    TestActions.annotate(item, TestActions.MUST_INCLUDE, "true")));
    TestActions.Recording asks =
        TestActions.additional(
            "test/asks", ResourceSelector.resources("pods"), id("configmaps", "b", "elsewhere"));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedNamespaces(List.of("a")))
            .actions(marks, asks)
            .run();

    assertThat(run.items()).contains(POD).doesNotContain(Paths.cm("b", "elsewhere"));
  }

  @Test
  void itemsBeingDeletedAreSkipped() {
    fixture.seed(namespace("a"), configMap("a", "alive"), beingDeleted(configMap("a", "dying")));

    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "alive"));
    assertThat(run.log()).contains("Skipping item because it's being deleted.");
  }

  @Test
  void mustIncludeDoesNotSaveAnItemBeingDeleted() {
    fixture.seed(namespace("a"), pod("a", "p"), beingDeleted(configMap("a", "dying")));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setIncludedResources(List.of("pods")))
            .actions(podAction(true, id("configmaps", "a", "dying")))
            .run();

    assertThat(run.itemSet()).containsExactlyInAnyOrder(POD);
  }

  @Test
  void coreEventsWinOverEventsK8sIoEvents() {
    fixture.seed(namespace("a"), coreEvent("a", "core"), eventsApiEvent("a", "new-api"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.items("events")).containsExactly(Paths.ns("events", "a", "core"));
    assertThat(run.items("events.events.k8s.io")).isEmpty();
    assertThat(run.log())
        .contains("Skipping resource because it cohabitates and we've already processed it");
  }

  @Test
  void theFirstGroupThatPassesTheFilterWins() {
    fixture.seed(namespace("a"), coreEvent("a", "core"), eventsApiEvent("a", "new-api"));

    Run run = fixture.backup(spec -> spec.setIncludedResources(List.of("events.events.k8s.io")));

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(Paths.ns("events.events.k8s.io", "a", "new-api"));
  }
}
