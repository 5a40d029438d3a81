package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pod;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.pvc;
import static io.stowage.k8s.it.TestActions.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupItem;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BackupItemActions: which items they run on (§6.4), additional items first and once (§6.5, §6.7),
 * failures and skips (§6.3).
 */
class ItemActionsTest extends ClusterTestBase {
  private static final String P1 = Paths.ns("pods", "a", "p1");
  private static final String P2 = Paths.ns("pods", "a", "p2");
  private static final String P3 = Paths.ns("pods", "b", "p3");
  private static final String PVC = Paths.ns("persistentvolumeclaims", "a", "data");
  private static final String PV_1 = Paths.pv("pv-1");
  private static final String PV_2 = Paths.pv("pv-2");
  private static final String CM = Paths.cm("a", "cm");

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        labelled(pod("a", "p1"), "app", "web"),
        labelled(pod("a", "p2"), "app", "db"),
        labelled(pod("b", "p3"), "app", "web"),
        pvc("a", "data", "pv-1"),
        pv("pv-1"),
        pv("pv-2"),
        configMap("a", "cm"));
  }

  private static List<String> touched(Run run, String marker) {
    return run.items().stream()
        .filter(
            path ->
                marker.equals(
                    run.json(path)
                        .path("metadata")
                        .path("annotations")
                        .path(TestActions.TOUCHED)
                        .asString("")))
        .toList();
  }

  private static Run runWith(TestActions.Recording... actions) {
    return fixture.runner().actions(actions).run();
  }

  private static BackupItem fail(BackupItem item) {
    throw new IllegalStateException("boom on " + item.identity().name());
  }

  @Test
  void anActionRunsOnTheResourcesItSelectsByAnyName() {
    Run run =
        runWith(
            TestActions.marker("test/plural", ResourceSelector.resources("pods")),
            TestActions.marker("test/short", ResourceSelector.resources("cm")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(touched(run, "test/plural")).containsExactlyInAnyOrder(P1, P2, P3);
    assertThat(touched(run, "test/short")).containsExactly(CM);
  }

  @Test
  void anActionRunsOnlyInItsNamespaces() {
    TestActions.Recording inA =
        TestActions.marker(
            "test/in-a",
            ResourceSelector.resources("pods").withNamespaces(List.of("a"), List.of()));
    TestActions.Recording notA =
        TestActions.marker(
            "test/not-a",
            ResourceSelector.resources("pods").withNamespaces(List.of(), List.of("a")));

    runWith(inA, notA);

    assertThat(inA.seen()).containsExactly("pods a/p1", "pods a/p2");
    assertThat(notA.seen()).containsExactly("pods b/p3");
  }

  @Test
  void anActionRunsOnlyOnItemsMatchingItsLabelSelector() {
    TestActions.Recording web =
        TestActions.marker("test/web", ResourceSelector.ALL.withLabelSelector("app=web"));
    TestActions.Recording db =
        TestActions.marker(
            "test/db", ResourceSelector.resources("pods").withLabelSelector("app in (db)"));

    Run run = runWith(web, db);

    assertThat(touched(run, "test/web")).containsExactlyInAnyOrder(P1, P3);
    assertThat(touched(run, "test/db")).containsExactly(P2);
  }

  @Test
  void clusterScopedItemsOnlyWhenTheActionsNamespaceFilterIsEverything() {
    TestActions.Recording everywhere =
        TestActions.marker("test/pv-all", ResourceSelector.resources("persistentvolumes"));
    TestActions.Recording onlyA =
        TestActions.marker(
            "test/pv-a",
            ResourceSelector.resources("persistentvolumes")
                .withNamespaces(List.of("a"), List.of()));
    TestActions.Recording notB =
        TestActions.marker(
            "test/pv-not-b",
            ResourceSelector.resources("persistentvolumes")
                .withNamespaces(List.of(), List.of("b")));

    runWith(everywhere, onlyA, notB);

    assertThat(everywhere.seen())
        .containsExactly("persistentvolumes pv-1", "persistentvolumes pv-2");
    assertThat(onlyA.seen()).isEmpty();
    assertThat(notB.seen()).isEmpty();
  }

  @Test
  void additionalItemsAreWrittenBeforeTheItemThatAskedForThem() {
    Run run =
        runWith(
            TestActions.additional(
                "test/pod-pvc",
                ResourceSelector.resources("pods").withLabelSelector("app=web"),
                id("persistentvolumeclaims", "a", "data")),
            TestActions.additional(
                "test/pvc-pv",
                ResourceSelector.resources("persistentvolumeclaims"),
                id("persistentvolumes", "", "pv-1")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    List<String> items = run.items();
    assertThat(items.indexOf(PV_1)).isLessThan(items.indexOf(PVC));
    assertThat(items.indexOf(PVC)).isLessThan(items.indexOf(P1));
    // p1 is the first pod listed, so its chain leads the tarball
    assertThat(items.subList(0, 3)).containsExactly(PV_1, PVC, P1);
  }

  @Test
  void everyItemIsBackedUpOnceHoweverOftenItIsAskedFor() {
    Run run =
        runWith(
            TestActions.additional(
                "test/first", ResourceSelector.resources("pods"), id("configmaps", "a", "cm")),
            TestActions.additional(
                "test/second",
                ResourceSelector.resources("pods"),
                id("configmaps", "a", "cm"),
                id("persistentvolumes", "", "pv-1")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(new HashSet<>(run.entryNames())).hasSameSizeAs(run.entryNames());
    assertThat(run.items().stream().filter(CM::equals)).hasSize(1);
    assertThat(run.items().stream().filter(PV_1::equals)).hasSize(1);
    assertThat(run.items().indexOf(CM)).isLessThan(run.items().indexOf(P1));
    assertThat(run.resourceList().get("v1/ConfigMap")).containsExactly("a/cm");
    assertThat(run.status().getProgress().getItemsBackedUp()).isEqualTo(run.items().size());
    assertThat(run.status().getProgress().getTotalItems()).isEqualTo(run.items().size());
  }

  @Test
  void anActionThatThrowsFailsOnlyThatItem() {
    Run run =
        runWith(
            TestActions.action(
                "test/fragile",
                ResourceSelector.resources("pods").withLabelSelector("app=db"),
                item -> ActionResult.unchanged(fail(item))));

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.status().getErrors()).isEqualTo(1);
    assertThat(run.items()).doesNotContain(P2).contains(P1, P3, CM, PV_1, PVC);
    assertThat(run.log())
        .contains("level=error")
        .contains("error executing custom action (groupResource=pods, namespace=a, name=p2)")
        .contains("boom on p2");
    // as in Velero, the failed item stays in the backed-up set
    assertThat(run.resourceList().get("v1/Pod")).contains("a/p2");
  }

  @Test
  void aFailingAdditionalItemFailsItsParentWithOneError() {
    Run run =
        runWith(
            TestActions.additional(
                "test/pod-pvc",
                ResourceSelector.resources("pods").withLabelSelector("app=web"),
                id("persistentvolumeclaims", "a", "data")),
            TestActions.action(
                "test/pvc-fails",
                ResourceSelector.resources("persistentvolumeclaims"),
                item -> ActionResult.unchanged(fail(item))));

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.items()).doesNotContain(P1, PVC).contains(P2, P3);
    // p1 fails with its PVC; p3 asks for the same PVC, which is already in the backed-up set
    assertThat(run.status().getErrors()).isEqualTo(1);
  }

  @Test
  void anActionReturningSkipFromBackupDropsTheItem() {
    TestActions.Recording later =
        TestActions.marker("test/later", ResourceSelector.resources("configmaps"));
    Run run =
        runWith(
            TestActions.action(
                "test/skipper",
                ResourceSelector.resources("configmaps"),
                item ->
                    new ActionResult(
                        TestActions.annotate(item, TestActions.SKIP, "true"),
                        List.of(id("persistentvolumes", "", "pv-2")))),
            later);

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items()).doesNotContain(CM);
    assertThat(run.resourceList()).doesNotContainKey("v1/ConfigMap");
    assertThat(later.seen()).isEmpty();
    assertThat(run.status().getProgress().getItemsBackedUp()).isEqualTo(run.items().size());
  }

  @Test
  void aMissingAdditionalItemIsAWarning() {
    Run run =
        runWith(
            TestActions.additional(
                "test/ghost",
                ResourceSelector.resources("configmaps"),
                id("secrets", "a", "ghost")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getWarnings()).isEqualTo(1);
    assertThat(run.items()).contains(CM);
    assertThat(run.log())
        .contains("Additional item was not found in Kubernetes API, can't back it up");
  }

  @Test
  void anAdditionalItemOfATypeTheClusterDoesNotServeFailsItsParent() {
    // Velero resolves the additional item's type through discovery and returns the error
    Run run =
        runWith(
            TestActions.additional(
                "test/unknown",
                ResourceSelector.resources("configmaps"),
                id("widgets.example.com", "a", "w")));

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.status().getErrors()).isEqualTo(1);
    assertThat(run.items()).doesNotContain(CM);
  }
}
