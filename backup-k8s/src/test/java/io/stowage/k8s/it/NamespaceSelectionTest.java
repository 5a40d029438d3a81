package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.excludedByLabel;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** includedNamespaces / excludedNamespaces, wildcards and the namespace exclude label (§5.2). */
class NamespaceSelectionTest extends ClusterTestBase {

  private static void seedNamespacesWithOneConfigMapEach(String... names) {
    for (String name : names) {
      fixture.seed(namespace(name), configMap(name, "cm"));
    }
  }

  @Test
  void includeListTakesOnlyThoseNamespaces() {
    seedNamespacesWithOneConfigMapEach("a", "b", "c");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a", "c")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            Paths.cm("a", "cm"), Paths.cm("c", "cm"), Paths.namespace("a"), Paths.namespace("c"));
  }

  @Test
  void excludeListDropsThoseNamespacesItems() {
    seedNamespacesWithOneConfigMapEach("a", "b", "c");

    Run run = fixture.backup(spec -> spec.setExcludedNamespaces(List.of("b")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "cm"), Paths.cm("c", "cm"));
    assertThat(run.backup().getSpec().getIncludedNamespaces()).containsExactly("*");
  }

  @Test
  void starWildcardIsExpandedAgainstTheClustersNamespaces() {
    seedNamespacesWithOneConfigMapEach("app-1", "app-2", "app-xy", "db-1");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("app-*")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps"))
        .containsExactly(
            Paths.cm("app-1", "cm"), Paths.cm("app-2", "cm"), Paths.cm("app-xy", "cm"));
    assertThat(run.items("namespaces"))
        .containsExactlyInAnyOrder(
            Paths.namespace("app-1"), Paths.namespace("app-2"), Paths.namespace("app-xy"));
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    seedNamespacesWithOneConfigMapEach("app-1", "app-2", "app-xy", "db-1");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("app-?")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps"))
        .containsExactly(Paths.cm("app-1", "cm"), Paths.cm("app-2", "cm"));
  }

  @Test
  void starMatchesDotsToo() {
    // patterns are globs without separators; the embedded server accepts a dotted name
    seedNamespacesWithOneConfigMapEach("team.alpha", "team-beta", "other");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("team*")));

    assertThat(run.items("configmaps"))
        .containsExactly(Paths.cm("team-beta", "cm"), Paths.cm("team.alpha", "cm"));
  }

  @Test
  void characterClassMatchesOneOfItsCharacters() {
    seedNamespacesWithOneConfigMapEach("app-1", "app-2", "app-3");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("app-[13]")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps"))
        .containsExactly(Paths.cm("app-1", "cm"), Paths.cm("app-3", "cm"));
  }

  @Test
  void wildcardExcludesAreExpandedToo() {
    seedNamespacesWithOneConfigMapEach("app-1", "app-2", "app-3", "db-1");

    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("app-*", "db-1"));
              spec.setExcludedNamespaces(List.of("app-[2]"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps"))
        .containsExactly(Paths.cm("app-1", "cm"), Paths.cm("app-3", "cm"), Paths.cm("db-1", "cm"));
  }

  @Test
  void wildcardExcludeWithIncludeStarMatchesAsAGlob() {
    seedNamespacesWithOneConfigMapEach("app-1", "app-2", "db-1");

    Run run = fixture.backup(spec -> spec.setExcludedNamespaces(List.of("app-*")));

    assertThat(run.items("configmaps")).containsExactly(Paths.cm("db-1", "cm"));
  }

  @Test
  void expansionThatMatchesNothingIncludesNothing() {
    // Velero: "If expansion leaves no includes, nothing is included" (empty includes would
    // otherwise mean everything). Stowage also keeps cluster-scoped types out (see the report).
    seedNamespacesWithOneConfigMapEach("app-1", "db-1");
    fixture.seed(pv("pv-1"));

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("web-*")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items()).isEmpty();
    assertThat(run.entryNames()).containsExactly("metadata/version");
    assertThat(run.status().getErrors()).isZero();
  }

  @Test
  void includedNamespaceThatDoesNotExistIsAnErrorAndThePhasePartiallyFailed() {
    seedNamespacesWithOneConfigMapEach("a");

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a", "ghost")));

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.status().getErrors()).isEqualTo(1);
    assertThat(run.itemSet()).containsExactlyInAnyOrder(Paths.cm("a", "cm"), Paths.namespace("a"));
    assertThat(run.log())
        .contains("level=error")
        .contains("fail to get the namespace ghost specified in backup.Spec.IncludedNamespaces");
    assertThat(run.sideFile(BackupFile.RESULTS).path("errors").path("velero").toString())
        .contains("fail to get the namespace ghost specified in backup.Spec.IncludedNamespaces");
  }

  @Test
  void missingNamespaceIsOnlyCheckedWhenNamespacesAreCollected() {
    // Velero checks the includes while collecting the `namespaces` type; a backup that does not
    // collect Namespace objects never looks (item_collector.go collectNamespaces).
    seedNamespacesWithOneConfigMapEach("a");

    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a", "ghost"));
              spec.setIncludedResources(List.of("configmaps"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.status().getErrors()).isZero();
    assertThat(run.itemSet()).containsExactlyInAnyOrder(Paths.cm("a", "cm"));
  }

  @Test
  void namespacesLabelledExcludeFromBackupAreAppendedToExcludedNamespaces() {
    fixture.seed(
        namespace("a"),
        configMap("a", "cm"),
        excludedByLabel(namespace("secret-stuff")),
        configMap("secret-stuff", "cm"),
        namespace("c"),
        configMap("c", "cm"));

    Run run = fixture.backup(spec -> spec.setExcludedNamespaces(List.of("c")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.backup().getSpec().getExcludedNamespaces()).containsExactly("c", "secret-stuff");
    assertThat(VeleroJson.readBackup(run.metadataText()).getSpec().getExcludedNamespaces())
        .containsExactly("c", "secret-stuff");
    assertThat(run.items("configmaps")).containsExactly(Paths.cm("a", "cm"));
    // the labelled Namespace object itself carries the exclude label
    assertThat(run.items("namespaces")).doesNotContain(Paths.namespace("secret-stuff"));
  }

  @Test
  void includingANamespaceLabelledExcludeFromBackupFailsValidation() {
    // the label appends the namespace to excludedNamespaces before the lists are validated
    fixture.seed(excludedByLabel(namespace("a")), configMap("a", "cm"));

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(run.phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "Invalid included/excluded namespace lists: excludes list cannot contain an item in"
                + " the includes list: a");
    assertThat(fixture.allKeys()).isEmpty();
  }
}
