package io.stowage.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ExecResult;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.cluster.ServerVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PrefetchingClusterTest {
  private static final ApiResource CONFIG_MAPS =
      new ApiResource(
          "", "v1", "configmaps", "configmap", "ConfigMap", true, List.of("list"), List.of());
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void readsTheNextPageAheadAndHandsOutEveryPageOnce() throws Exception {
    PagedCluster cluster = new PagedCluster(10);
    try (PrefetchingCluster prefetching = new PrefetchingCluster(cluster)) {
      List<String> names = new ArrayList<>();
      String token = "";
      do {
        ListPage page = prefetching.list(CONFIG_MAPS, "", "", 3, token);
        if (!page.last()) {
          // The following page is asked for before the caller asks for it.
          assertThat(cluster.requested(page.continueToken()).await(10, TimeUnit.SECONDS)).isTrue();
        }
        page.items().forEach(item -> names.add(item.path("metadata").path("name").asString()));
        token = page.continueToken();
      } while (!token.isEmpty());

      assertThat(names)
          .containsExactly(
              "cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "cm-6", "cm-7", "cm-8", "cm-9");
      assertThat(cluster.calls).containsExactly("", "3", "6", "9");
      assertThat(cluster.threads).anyMatch(name -> name.startsWith("stowage-list-prefetch-"));
      assertThat(prefetching.pagesAhead()).isZero();
    }
  }

  @Test
  void aFailedReadAheadIsAskedAgainByTheCaller() {
    PagedCluster cluster = new PagedCluster(6);
    cluster.failures.add("3");
    try (PrefetchingCluster prefetching = new PrefetchingCluster(cluster)) {
      ListPage first = prefetching.list(CONFIG_MAPS, "", "", 3, "");
      ListPage second = prefetching.list(CONFIG_MAPS, "", "", 3, first.continueToken());
      assertThat(second.items()).hasSize(3);
      assertThat(second.last()).isTrue();
      assertThat(cluster.calls).containsExactly("", "3", "3");
    }
  }

  @Test
  void anErrorSurfacesInTheCallersCall() {
    PagedCluster cluster = new PagedCluster(6);
    cluster.failures.add("3");
    cluster.failures.add("3");
    try (PrefetchingCluster prefetching = new PrefetchingCluster(cluster)) {
      ListPage first = prefetching.list(CONFIG_MAPS, "", "", 3, "");
      assertThatThrownBy(() -> prefetching.list(CONFIG_MAPS, "", "", 3, first.continueToken()))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.CLUSTER_FAILED));
    }
  }

  @Test
  void unpagedListsAndLastPagesReadNothingAhead() {
    PagedCluster cluster = new PagedCluster(4);
    try (PrefetchingCluster prefetching = new PrefetchingCluster(cluster)) {
      assertThat(prefetching.list(CONFIG_MAPS, "", "", 0, "").items()).hasSize(4);
      assertThat(prefetching.list(CONFIG_MAPS, "", "", 10, "").last()).isTrue();
      assertThat(prefetching.pagesAhead()).isZero();
      assertThat(cluster.calls).containsExactly("", "");
    }
  }

  @Test
  void abandonedListingsHoldABoundedNumberOfPages() {
    PagedCluster cluster = new PagedCluster(100);
    try (PrefetchingCluster prefetching = new PrefetchingCluster(cluster)) {
      for (String selector : List.of("a=1", "a=2", "a=3", "a=4", "a=5", "a=6")) {
        prefetching.list(CONFIG_MAPS, "", selector, 5, "");
      }
      assertThat(prefetching.pagesAhead()).isEqualTo(PrefetchingCluster.MAX_PAGES_AHEAD);
      prefetching.close();
      assertThat(prefetching.pagesAhead()).isZero();
      // Closed: lists still work, without reading ahead.
      assertThat(prefetching.list(CONFIG_MAPS, "", "", 5, "").items()).hasSize(5);
      assertThat(prefetching.pagesAhead()).isZero();
    }
  }

  /** Serves {@code size} ConfigMaps in pages; the continue token is the next index. */
  private static final class PagedCluster implements Cluster {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentHashMap<String, CountDownLatch> requested = new ConcurrentHashMap<>();
    private final int size;

    PagedCluster(int size) {
      this.size = size;
    }

    CountDownLatch requested(String token) {
      return requested.computeIfAbsent(token, t -> new CountDownLatch(1));
    }

    @Override
    public ListPage list(
        ApiResource type, String namespace, String labelSelector, int limit, String token) {
      calls.add(token);
      threads.add(Thread.currentThread().getName());
      requested(token).countDown();
      if (failures.remove(token)) {
        throw new BackupException(StandardErrorCode.CLUSTER_FAILED, "list failed at " + token);
      }
      int from = token.isEmpty() ? 0 : Integer.parseInt(token);
      int to = limit == 0 ? size : Math.min(size, from + limit);
      List<ObjectNode> items = new ArrayList<>();
      for (int i = from; i < to; i++) {
        ObjectNode item = MAPPER.createObjectNode();
        item.putObject("metadata").put("name", "cm-" + i).put("namespace", "ns");
        items.add(item);
      }
      return new ListPage(items, to < size ? Integer.toString(to) : "");
    }

    @Override
    public ServerVersion serverVersion() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Discovery discover() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ObjectNode> get(ApiResource type, String namespace, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExecResult exec(
        String namespace, String pod, String container, List<String> command, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ObjectNode> get(ResourceIdentifier id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode create(GroupResource resource, ObjectNode object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(ResourceIdentifier id) {
      throw new UnsupportedOperationException();
    }
  }
}
