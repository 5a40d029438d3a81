package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.secret;
import static io.stowage.k8s.it.TestActions.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.ResourceSelector;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.api.velero.v1.LabelSelectorRequirement;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code labelSelector} and {@code orLabelSelectors} go with every List call except the one for
 * Namespace objects; additional items fetched by name ignore them (§5.7).
 */
class LabelSelectorTest extends ClusterTestBase {
  private static final String WEB_1 = Paths.cm("a", "web-1");
  private static final String DB_1 = Paths.cm("a", "db-1");
  private static final String PLAIN = Paths.cm("a", "plain");
  private static final String WEB_2 = Paths.cm("b", "web-2");
  private static final String CACHE = Paths.cm("b", "cache");

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        labelled(configMap("a", "web-1"), "app", "web"),
        labelled(configMap("a", "db-1"), "app", "db"),
        configMap("a", "plain"),
        labelled(configMap("b", "web-2"), "app", "web", "tier", "fe"),
        labelled(configMap("b", "cache"), "app", "cache", "tier", "be"));
  }

  static LabelSelector matchLabels(String... keyValues) {
    LabelSelector selector = new LabelSelector();
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      labels.put(keyValues[i], keyValues[i + 1]);
    }
    selector.setMatchLabels(labels);
    return selector;
  }

  static LabelSelector expression(String key, String operator, String... values) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchExpressions(
        List.of(new LabelSelectorRequirement(key, operator, List.of(values))));
    return selector;
  }

  private static Run withSelector(LabelSelector selector) {
    return fixture.backup(spec -> spec.setLabelSelector(selector));
  }

  @Test
  void equalitySelector() {
    Run run = withSelector(matchLabels("app", "web"));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.items("configmaps")).containsExactly(WEB_1, WEB_2);
  }

  @Test
  void twoMatchLabelsMustBothMatch() {
    Run run = withSelector(matchLabels("app", "web", "tier", "fe"));

    assertThat(run.items("configmaps")).containsExactly(WEB_2);
  }

  @Test
  void setBasedIn() {
    Run run = withSelector(expression("app", "In", "web", "cache"));

    assertThat(run.items("configmaps")).containsExactly(WEB_1, CACHE, WEB_2);
  }

  @Test
  void setBasedNotInAlsoTakesItemsWithoutTheLabel() {
    Run run = withSelector(expression("app", "NotIn", "web", "cache"));

    assertThat(run.items("configmaps")).containsExactly(DB_1, PLAIN);
  }

  @Test
  void existsAndDoesNotExist() {
    assertThat(withSelector(expression("tier", "Exists")).items("configmaps"))
        .containsExactly(CACHE, WEB_2);
    fixture.reset();
    seed();
    assertThat(withSelector(expression("app", "DoesNotExist")).items("configmaps"))
        .containsExactly(PLAIN);
  }

  @Test
  void orLabelSelectorsListOncePerSelectorAndKeepEachItemOnce() {
    RecordingCluster calls = new RecordingCluster();
    Run run =
        fixture
            .runner()
            .spec(
                spec ->
                    spec.setOrLabelSelectors(
                        List.of(matchLabels("app", "web"), matchLabels("tier", "fe"))))
            .cluster(calls::wrap)
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(calls.callsFor("configmaps"))
        .containsExactly(
            "limit=500 continue=no selector=app=web", "limit=500 continue=no selector=tier=fe");
    // web-2 matches both selectors: listed twice, backed up once
    assertThat(run.items("configmaps")).containsExactlyInAnyOrder(WEB_1, WEB_2);
    assertThat(new HashSet<>(run.entryNames())).hasSameSizeAs(run.entryNames());
    assertThat(run.resourceList().get("v1/ConfigMap")).containsExactly("a/web-1", "b/web-2");
    assertThat(run.status().getProgress().getItemsBackedUp()).isEqualTo(run.items().size());
  }

  @Test
  void orLabelSelectorsWithSetBasedRequirements() {
    Run run =
        fixture.backup(
            spec ->
                spec.setOrLabelSelectors(
                    List.of(expression("app", "In", "db"), expression("tier", "In", "be"))));

    assertThat(run.items("configmaps")).containsExactlyInAnyOrder(DB_1, CACHE);
  }

  @Test
  void selectorsApplyToClusterScopedTypesToo() {
    fixture.seed(labelled(pv("pv-web"), "app", "web"), pv("pv-other"));

    Run run = withSelector(matchLabels("app", "web"));

    assertThat(run.items("persistentvolumes")).containsExactly(Paths.pv("pv-web"));
  }

  @Test
  void theSelectorGoesWithEveryListCallButTheOneForNamespaces() {
    RecordingCluster calls = new RecordingCluster();

    fixture
        .runner()
        .spec(spec -> spec.setLabelSelector(expression("app", "NotIn", "web", "cache")))
        .cluster(calls::wrap)
        .run();

    assertThat(calls.callsFor("configmaps"))
        .containsExactly("limit=500 continue=no selector=app notin (cache,web)");
    assertThat(calls.callsFor("persistentvolumes"))
        .containsExactly("limit=500 continue=no selector=app notin (cache,web)");
    assertThat(calls.callsFor("namespaces")).isNotEmpty().allMatch(c -> c.endsWith("selector="));
  }

  @Test
  void selectorsDoNotFilterNamespaceObjectsThatPassTheNamespaceFilter() {
    // neither namespace carries app=web; they are kept by name (the filter is not "everything")
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a", "b"));
              spec.setLabelSelector(matchLabels("app", "db"));
            });

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(DB_1, Paths.namespace("a"), Paths.namespace("b"));
  }

  @Test
  void additionalItemsFetchedByNameIgnoreTheSelector() {
    fixture.seed(secret("a", "credentials"));
    TestActions.Recording needsSecret =
        TestActions.additional(
            "test/needs-secret",
            ResourceSelector.resources("configmaps"),
            id("secrets", "a", "credentials"));

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setLabelSelector(matchLabels("app", "db")))
            .actions(needsSecret)
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(needsSecret.seen()).containsExactly("configmaps a/db-1");
    assertThat(run.items("secrets")).containsExactly(Paths.ns("secrets", "a", "credentials"));
    assertThat(run.items().indexOf(Paths.ns("secrets", "a", "credentials")))
        .isLessThan(run.items().indexOf(DB_1));
  }
}
