package io.stowage.k8s.it;

import static io.stowage.k8s.it.LabelSelectorTest.matchLabels;
import static io.stowage.k8s.it.Seeds.beingDeleted;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.terminatingNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which Namespace objects a backup keeps (§5.10): Active ones passing the filter or the label
 * selectors, and every namespace an item was collected from.
 */
class NamespaceObjectsTest extends ClusterTestBase {

  @Test
  void activeNamespacesPassingTheFilterAreKeptEvenWhenEmpty() {
    fixture.seed(
        namespace("a"),
        configMap("a", "cm"),
        namespace("empty"),
        namespace("b"),
        configMap("b", "cm"));

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a", "empty")));

    assertThat(run.items("namespaces"))
        .containsExactlyInAnyOrder(Paths.namespace("a"), Paths.namespace("empty"));
  }

  @Test
  void anExcludedNamespaceHoldingItemsKeepsItsNamespaceObjectWhenListingClusterWide() {
    // Velero issue #9180: namespaced types are listed cluster-wide (includes "*"), every listed
    // item's namespace is tracked before the namespace filter drops the item, and a tracked
    // namespace's object is backed up.
    fixture.seed(
        namespace("a"), configMap("a", "cm"), namespace("b"), configMap("b", "cm"), namespace("c"));

    Run run = fixture.backup(spec -> spec.setExcludedNamespaces(List.of("b", "c")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "cm"));
    assertThat(run.items("namespaces"))
        .containsExactlyInAnyOrder(Paths.namespace("a"), Paths.namespace("b"));
  }

  @Test
  void withPerNamespaceListingOtherNamespacesStayOut() {
    fixture.seed(namespace("a"), configMap("a", "cm"), namespace("b"), configMap("b", "cm"));

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(run.items("namespaces")).containsExactly(Paths.namespace("a"));
  }

  @Test
  void terminatingNamespacesAreNotKeptOnTheirOwn() {
    fixture.seed(
        terminatingNamespace("leaving"),
        terminatingNamespace("leaving-with-items"),
        configMap("leaving-with-items", "cm"),
        namespace("a"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.items("namespaces"))
        .containsExactlyInAnyOrder(Paths.namespace("a"), Paths.namespace("leaving-with-items"));
  }

  @Test
  void aNamespaceBeingDeletedIsSkippedEvenWithItems() {
    fixture.seed(
        beingDeleted(terminatingNamespace("gone")), configMap("gone", "cm"), namespace("a"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.items("configmaps")).containsExactly(Paths.cm("gone", "cm"));
    assertThat(run.items("namespaces")).containsExactly(Paths.namespace("a"));
  }

  @Test
  void withALabelSelectorAndNoNamespaceFilterOnlyLabelledOrHoldingNamespacesAreKept() {
    fixture.seed(
        labelled(namespace("labelled"), "app", "web"),
        namespace("holder"),
        labelled(configMap("holder", "web"), "app", "web"),
        namespace("other"),
        configMap("other", "unrelated"));

    Run run = fixture.backup(spec -> spec.setLabelSelector(matchLabels("app", "web")));

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            Paths.cm("holder", "web"), Paths.namespace("holder"), Paths.namespace("labelled"));
  }

  @Test
  void orLabelSelectorsMatchNamespaceLabelsToo() {
    fixture.seed(
        labelled(namespace("front"), "tier", "fe"),
        labelled(namespace("back"), "tier", "be"),
        namespace("none"));

    Run run =
        fixture.backup(
            spec ->
                spec.setOrLabelSelectors(
                    List.of(matchLabels("app", "web"), matchLabels("tier", "fe"))));

    assertThat(run.itemSet()).containsExactlyInAnyOrder(Paths.namespace("front"));
  }

  @Test
  void withALabelSelectorAndANamespaceFilterTheFilterStillKeepsNamespaces() {
    fixture.seed(namespace("a"), configMap("a", "unrelated"), namespace("b"));

    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a"));
              spec.setLabelSelector(matchLabels("app", "web"));
            });

    assertThat(run.itemSet()).containsExactlyInAnyOrder(Paths.namespace("a"));
  }
}
