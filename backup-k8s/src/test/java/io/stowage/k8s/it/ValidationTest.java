package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Preparation refuses what Velero refuses, with Velero's messages, and then writes nothing (§7.2).
 */
class ValidationTest extends ClusterTestBase {
  static final String MIXED =
      "include-resources, exclude-resources and include-cluster-resources are old filter"
          + " parameters.\n"
          + "include-cluster-scoped-resources, exclude-cluster-scoped-resources,"
          + " include-namespace-scoped-resources and exclude-namespace-scoped-resources are new"
          + " filter parameters.\n"
          + "They cannot be used together";

  @BeforeEach
  void seed() {
    fixture.seed(namespace("a"), configMap("a", "cm"));
  }

  private static void assertRefusedAndNothingWritten(Run run) {
    assertThat(run.phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
    assertThat(run.outcome().result()).isNull();
    assertThat(run.status().getCompletionTimestamp()).isNull();
    assertThat(fixture.allKeys()).isEmpty();
  }

  private static LabelSelector matchLabels(String key, String value) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(Map.of(key, value));
    return selector;
  }

  @Test
  void mixingOldAndNewFiltersIsRefusedWithVelerosThreeLineMessage() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedResources(List.of("pods"));
              spec.setIncludedClusterScopedResources(List.of("persistentvolumes"));
            });

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors()).containsExactly(MIXED);
    assertThat(MIXED.split("\n")).hasSize(3);
  }

  @Test
  void includeClusterResourcesWithANewListIsMixingToo() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludeClusterResources(true);
              spec.setExcludedNamespaceScopedResources(List.of("secrets"));
            });

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors()).containsExactly(MIXED);
  }

  @Test
  void oldExcludesCannotContainStar() {
    Run run = fixture.backup(spec -> spec.setExcludedResources(List.of("*")));

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "Invalid included/excluded resource lists: excludes list cannot contain '*'");
  }

  @Test
  void oldIncludesWithStarMustBeStarOnly() {
    Run run = fixture.backup(spec -> spec.setIncludedResources(List.of("*", "pods")));

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "Invalid included/excluded resource lists: includes list must either contain '*' only,"
                + " or a non-empty list of items");
  }

  @Test
  void scopedExcludeStarWithIncludesIsRefused() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedClusterScopedResources(List.of("persistentvolumes"));
              spec.setExcludedClusterScopedResources(List.of("*"));
            });

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "Invalid cluster-scoped included/excluded resource lists: when exclude is '*', include"
                + " cannot have value");
  }

  @Test
  void labelSelectorTogetherWithOrLabelSelectorsIsRefused() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setLabelSelector(matchLabels("app", "web"));
              spec.setOrLabelSelectors(List.of(matchLabels("app", "db")));
            });

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be"
                + " specified");
  }

  @Test
  void aLabelSelectorAloneIsValid() {
    Run run = fixture.backup(spec -> spec.setLabelSelector(matchLabels("app", "web")));

    assertThat(run.status().getValidationErrors()).isEmpty();
    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
  }

  @Test
  void invalidNamespacePatternIsRefused() {
    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a|b")));

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .singleElement()
        .asString()
        .startsWith("Invalid included/excluded namespace lists: ");
  }

  @Test
  void everyProblemIsReported() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setExcludedResources(List.of("*"));
              spec.setIncludedNamespaceScopedResources(List.of("pods"));
              spec.setLabelSelector(matchLabels("app", "web"));
              spec.setOrLabelSelectors(List.of(matchLabels("app", "db")));
            });

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            MIXED,
            "Invalid included/excluded resource lists: excludes list cannot contain '*'",
            "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be"
                + " specified");
  }

  @Test
  void missingNamedStorageLocationFailsValidationWithVelerosMessage() {
    Run run = fixture.backup(spec -> spec.setStorageLocation("nowhere"));

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "an existing backup storage location was not specified at backup creation time and the"
                + " default nowhere was not found. Please address this issue (see `velero"
                + " backup-location -h` for options) and create a new backup. Error:"
                + " backupstoragelocations.velero.io \"nowhere\" not found");
    assertThat(run.backup().getMetadata().getLabels())
        .containsEntry("velero.io/storage-location", "nowhere");
  }

  @Test
  void missingServerDefaultStorageLocationFailsValidationWithVelerosMessage() {
    Run run = fixture.runner().locations(new FixedLocationCatalog(List.of(), null)).run();

    assertRefusedAndNothingWritten(run);
    assertThat(run.status().getValidationErrors())
        .containsExactly(
            "an existing backup storage location was not specified at backup creation time and the"
                + " server default default does not exist. Please address this issue (see `velero"
                + " backup-location -h` for options) and create a new backup. Error:"
                + " backupstoragelocations.velero.io \"default\" not found");
  }
}
