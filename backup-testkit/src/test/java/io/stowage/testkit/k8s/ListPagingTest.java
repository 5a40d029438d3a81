package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListPagingTest {

  private static final int CONFIG_MAPS = 1_050;

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void seed() {
    k8s = new EmbeddedKubernetes().start();
    client = k8s.client();
    List<ConfigMap> configMaps = new ArrayList<>();
    // Seeded out of key order, over three namespaces.
    for (int i = CONFIG_MAPS - 1; i >= 0; i--) {
      configMaps.add(Fixtures.configMap("ns-" + (i % 3), String.format("cm-%04d", i), Map.of()));
    }
    k8s.seed(configMaps);
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void limitAndContinuePageThroughAllItemsInKeyOrder() {
    List<String> keys = new ArrayList<>();
    List<Long> remaining = new ArrayList<>();
    int pages = 0;
    String token = null;
    do {
      ConfigMapList page =
          client
              .configMaps()
              .inAnyNamespace()
              .list(new ListOptionsBuilder().withLimit(100L).withContinue(token).build());
      pages++;
      page.getItems()
          .forEach(
              cm -> keys.add(cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName()));
      remaining.add(page.getMetadata().getRemainingItemCount());
      assertThat(page.getMetadata().getResourceVersion()).isNotBlank();
      token = page.getMetadata().getContinue();
    } while (token != null && !token.isEmpty());

    assertThat(pages).isEqualTo(11);
    assertThat(keys).hasSize(CONFIG_MAPS).doesNotHaveDuplicates();
    assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(remaining.get(0)).isEqualTo(950L);
    assertThat(remaining.get(10)).isNull();
  }

  @Test
  void namespacedListPagesOnlyThatNamespace() {
    ConfigMapList first =
        client
            .configMaps()
            .inNamespace("ns-1")
            .list(new ListOptionsBuilder().withLimit(200L).build());
    ConfigMapList rest =
        client
            .configMaps()
            .inNamespace("ns-1")
            .list(
                new ListOptionsBuilder()
                    .withLimit(200L)
                    .withContinue(first.getMetadata().getContinue())
                    .build());

    assertThat(first.getItems()).hasSize(200);
    assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(150L);
    assertThat(rest.getItems()).hasSize(150);
    assertThat(rest.getMetadata().getContinue()).isNull();
    assertThat(rest.getItems()).allMatch(cm -> cm.getMetadata().getNamespace().equals("ns-1"));
  }

  @Test
  void listWithoutLimitReturnsEverythingWithTypedListKind() throws Exception {
    HttpResponse<String> raw = get("/api/v1/configmaps?limit=2");

    assertThat(client.configMaps().inAnyNamespace().list().getItems()).hasSize(CONFIG_MAPS);
    assertThat(raw.body())
        .startsWith("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\"")
        .contains("\"remainingItemCount\":1048");
  }

  @Test
  void fieldSelectorOnNameStillWorks() {
    assertThat(
            client
                .configMaps()
                .inAnyNamespace()
                .withField("metadata.name", "cm-0007")
                .list()
                .getItems())
        .extracting(cm -> cm.getMetadata().getNamespace())
        .containsExactly("ns-1");
  }

  @Test
  void aForeignContinueTokenIsRejected() {
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inAnyNamespace()
                    .list(new ListOptionsBuilder().withLimit(10L).withContinue("bm9wZQ").build()))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(400));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(k8s.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
