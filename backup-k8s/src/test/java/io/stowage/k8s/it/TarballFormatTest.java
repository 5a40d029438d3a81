package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.deployment;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Entry;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tarball a backup stores is Velero's (facts §1). */
class TarballFormatTest extends ClusterTestBase {
  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("shop"), configMap("shop", "cm-1"), deployment("shop", "web"), pv("pv-1"));
  }

  @Test
  void metadataVersionIsTheFirstEntry() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    Entry first = run.entries().get(0);
    assertThat(first.name()).isEqualTo("metadata/version");
    assertThat(first.text()).isEqualTo("1.1.0\n");
    assertThat(run.entryNames().stream().filter("metadata/version"::equals)).hasSize(1);
  }

  @Test
  void everyItemIsWrittenTwiceWithIdenticalBytesUnderItsPreferredVersion() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.itemSet())
        .containsExactlyInAnyOrder(
            Paths.cm("shop", "cm-1"),
            Paths.ns("deployments.apps", "shop", "web"),
            Paths.namespace("shop"),
            Paths.pv("pv-1"));
    Map<String, String> preferred =
        Map.of(
            Paths.cm("shop", "cm-1"),
            "resources/configmaps/v1-preferredversion/namespaces/shop/cm-1.json",
            Paths.ns("deployments.apps", "shop", "web"),
            "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json",
            Paths.namespace("shop"),
            "resources/namespaces/v1-preferredversion/cluster/shop.json",
            Paths.pv("pv-1"),
            "resources/persistentvolumes/v1-preferredversion/cluster/pv-1.json");
    List<String> names = run.entryNames();
    preferred.forEach(
        (unversioned, versioned) -> {
          assertThat(run.entry(versioned).content()).isEqualTo(run.entry(unversioned).content());
          assertThat(names.indexOf(versioned))
              .as("the preferred-version copy follows its unversioned entry")
              .isEqualTo(names.indexOf(unversioned) + 1);
        });
    // metadata/version plus two entries per item, nothing else
    assertThat(names).hasSize(1 + 2 * preferred.size());
  }

  @Test
  void entriesAreRegularFilesWithMode0755AndNoDirectories() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.entries()).isNotEmpty();
    for (Entry entry : run.entries()) {
      assertThat(entry.regularFile()).as(entry.name()).isTrue();
      assertThat(entry.name()).doesNotEndWith("/").doesNotStartWith("/").doesNotStartWith("./");
      assertThat(entry.mode() & 07777).as(entry.name()).isEqualTo(0755);
    }
  }

  @Test
  void namespaceObjectsAreClusterScoped() {
    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("shop")));

    assertThat(run.items("namespaces")).containsExactly(Paths.namespace("shop"));
    assertThat(run.entryNames()).noneMatch(n -> n.startsWith("resources/namespaces/namespaces/"));
  }

  @Test
  void itemJsonIsCompactWithSortedKeysTypeMetaAndGoEscaping() {
    fixture.seed(Seeds.labelled(configMap("shop", "markup"), "zz", "last", "aa", "first"));
    GenericKubernetesResource html = configMap("shop", "html");
    html.setAdditionalProperty("data", Map.of("page", "<b>fish & chips</b>"));
    fixture.seed(html);

    Run run = fixture.backup(spec -> {});

    String body = run.entry(Paths.cm("shop", "html")).text();
    assertThat(body).doesNotContain("\n").doesNotContain(": ").doesNotContain(", ");
    assertThat(body).contains("\\u003cb\\u003efish \\u0026 chips\\u003c/b\\u003e");
    assertThat(body).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(body).startsWith("{\"apiVersion\":\"v1\",\"data\":");
    JsonNode json = run.json(Paths.cm("shop", "html"));
    assertThat(json.path("kind").asString()).isEqualTo("ConfigMap");
    assertThat(json.path("data").path("page").asString()).isEqualTo("<b>fish & chips</b>");
    assertKeysSorted(json);

    JsonNode labelled = run.json(Paths.cm("shop", "markup"));
    assertKeysSorted(labelled);
    assertThat(run.entry(Paths.cm("shop", "markup")).text())
        .contains("\"labels\":{\"aa\":\"first\",\"zz\":\"last\"}");
    // Velero strips nothing at backup time: server-owned metadata stays
    assertThat(labelled.path("metadata").has("uid")).isTrue();
    assertThat(labelled.path("metadata").has("resourceVersion")).isTrue();
    assertThat(labelled.path("metadata").has("creationTimestamp")).isTrue();
    assertThat(
            run.entry("resources/configmaps/v1-preferredversion/namespaces/shop/markup.json")
                .content())
        .isEqualTo(run.entry(Paths.cm("shop", "markup")).content());
  }

  private static void assertKeysSorted(JsonNode node) {
    if (node.isObject()) {
      List<String> keys = node.propertyNames().stream().toList();
      assertThat(keys).isSorted();
      node.properties().forEach(e -> assertKeysSorted(e.getValue()));
    } else if (node.isArray()) {
      node.forEach(TarballFormatTest::assertKeysSorted);
    }
  }
}
