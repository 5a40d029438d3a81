package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Set-based selectors, which the stock mock silently ignores, over real HTTP. */
class LabelSelectorListTest {

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void seed() {
    k8s = new EmbeddedKubernetes().start();
    client = k8s.client();
    k8s.seed(
        Fixtures.configMap("app", "web", Map.of("tier", "web")),
        Fixtures.configMap("app", "web-canary", Map.of("tier", "web", "canary", "true")),
        Fixtures.configMap("app", "db", Map.of("tier", "db")),
        Fixtures.configMap("app", "cache", Map.of("tier", "cache", "canary", "false")),
        Fixtures.configMap("app", "plain", Map.of()));
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void inSelectsOnlyListedValues() {
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("app")
                    .withLabelIn("tier", "web", "db")
                    .list()
                    .getItems()))
        .containsExactly("db", "web", "web-canary");
  }

  @Test
  void notInAlsoSelectsObjectsWithoutTheLabel() {
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("app")
                    .withLabelNotIn("tier", "web", "db")
                    .list()
                    .getItems()))
        .containsExactly("cache", "plain");
  }

  @Test
  void inCombinedWithExistsRequiresBoth() {
    List<ConfigMap> items =
        client
            .configMaps()
            .inNamespace("app")
            .list(new ListOptionsBuilder().withLabelSelector("tier in (web,cache),canary").build())
            .getItems();

    assertThat(names(items)).containsExactly("cache", "web-canary");
  }

  @Test
  void equalityNegationAndAbsenceStillWork() {
    assertThat(
            names(client.configMaps().inNamespace("app").withLabel("tier", "db").list().getItems()))
        .containsExactly("db");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("app")
                    .list(new ListOptionsBuilder().withLabelSelector("tier!=web,!canary").build())
                    .getItems()))
        .containsExactly("db", "plain");
  }

  @Test
  void selectorsApplyAcrossNamespacesWithPaging() {
    List<ConfigMap> page =
        client
            .configMaps()
            .inAnyNamespace()
            .list(
                new ListOptionsBuilder()
                    .withLabelSelector("tier notin (cache)")
                    .withLimit(2L)
                    .build())
            .getItems();

    assertThat(names(page)).containsExactly("db", "plain");
  }

  private static List<String> names(List<ConfigMap> items) {
    return items.stream().map(cm -> cm.getMetadata().getName()).collect(Collectors.toList());
  }
}
