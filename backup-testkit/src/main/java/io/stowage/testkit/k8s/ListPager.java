package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves list requests from the CRUD store: filtering by path, field and label selector, ordering
 * by {@code namespace/name}, and {@code limit}/{@code continue} paging.
 *
 * <p>Items are the stored JSON strings, concatenated without re-parsing. The first request of a
 * query scans the store once and keeps the sorted matches; later pages of the same query are cut
 * from that snapshot, so paging through N objects costs one scan, not one per page. Any change to
 * the store ({@link #storeChanged()}) drops the snapshots: pages after a write see the new state by
 * key, unlike a real API server, whose pages all show the state of the first one. The continue
 * token only carries the last key served.
 *
 * <p>Thread safety: all methods hold the store's monitor.
 */
final class ListPager {

  /**
   * What to list.
   *
   * @param query attributes every stored key must match (path attributes and field selector)
   * @param coreOnly whether the request is for the core group (keys must then have no API group)
   * @param labelSelector label selector as sent (null or blank for none)
   * @param limit maximum items per page; 0 for all
   * @param continueToken token from the previous page, or null for the first page
   * @param apiVersion {@code apiVersion} of the list
   * @param kind {@code kind} of the list, e.g. {@code ConfigMapList}
   */
  record Request(
      AttributeSet query,
      boolean coreOnly,
      String labelSelector,
      long limit,
      String continueToken,
      String apiVersion,
      String kind) {}

  /** A continue token that this server did not issue. */
  static final class InvalidContinueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidContinueException() {
      super("continue key is not valid: use the token from the previous page's metadata.continue");
    }
  }

  private static final String TOKEN_PREFIX = "stowage-embedded:";
  private static final String LABEL_PREFIX = "labels:";
  private static final int SNAPSHOTS_KEPT = 8;

  private record Query(AttributeSet attributes, boolean coreOnly, String labelSelector) {}

  /** The matches of one query in key order, as two parallel arrays. */
  private record Snapshot(int storeSize, String[] sortKeys, String[] jsons) {}

  private record Match(String sortKey, String json) {}

  private final Map<AttributeSet, String> store;

  // Guarded by the store's monitor; least recently used first.
  private final Map<Query, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * @param store the CRUD map, whose monitor guards every access
   */
  ListPager(Map<AttributeSet, String> store) {
    this.store = store;
  }

  /** Drops the kept snapshots; to be called, under the store's monitor, after every write. */
  void storeChanged() {
    synchronized (store) {
      snapshots.clear();
    }
  }

  /**
   * Builds the list JSON for one page.
   *
   * @param request what to list
   * @param resourceVersion the list's {@code metadata.resourceVersion}
   * @throws InvalidContinueException if the continue token is malformed
   * @throws IllegalArgumentException if the label selector is malformed
   */
  String page(Request request, long resourceVersion) {
    String after = request.continueToken() == null ? null : decode(request.continueToken());
    String selector = request.labelSelector() == null ? "" : request.labelSelector().trim();
    Query query = new Query(request.query(), request.coreOnly(), selector);
    synchronized (store) {
      Snapshot snapshot = snapshots.get(query);
      if (snapshot == null || snapshot.storeSize() != store.size()) {
        snapshot = scan(query, LabelSelector.parse(selector));
        snapshots.put(query, snapshot);
        if (snapshots.size() > SNAPSHOTS_KEPT) {
          snapshots.remove(snapshots.keySet().iterator().next());
        }
      }
      int from = after == null ? 0 : firstAfter(snapshot.sortKeys(), after);
      int total = snapshot.sortKeys().length;
      int to =
          request.limit() > 0
              ? (int) Math.min(total, from + Math.min(request.limit(), total))
              : total;
      return render(request, snapshot, from, to, resourceVersion);
    }
  }

  private Snapshot scan(Query query, LabelSelector labels) {
    List<Match> matches = new ArrayList<>();
    for (Map.Entry<AttributeSet, String> e : store.entrySet()) {
      AttributeSet key = e.getKey();
      if (key.matches(query.attributes())
          && !(query.coreOnly() && key.containsKey(KubernetesAttributesExtractor.API))
          && labels.matches(label -> value(key, LABEL_PREFIX + label))) {
        matches.add(new Match(sortKey(key), e.getValue()));
      }
    }
    matches.sort(Comparator.comparing(Match::sortKey));
    String[] sortKeys = new String[matches.size()];
    String[] jsons = new String[matches.size()];
    for (int i = 0; i < sortKeys.length; i++) {
      sortKeys[i] = matches.get(i).sortKey();
      jsons[i] = matches.get(i).json();
    }
    return new Snapshot(store.size(), sortKeys, jsons);
  }

  /** Index of the first key greater than {@code after}. */
  private static int firstAfter(String[] sortKeys, String after) {
    int i = Arrays.binarySearch(sortKeys, after);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private static String render(
      Request request, Snapshot snapshot, int from, int to, long resourceVersion) {
    int size = 256;
    for (int i = from; i < to; i++) {
      size += snapshot.jsons()[i].length() + 1;
    }
    StringBuilder json = new StringBuilder(size);
    json.append("{\"apiVersion\":\"")
        .append(request.apiVersion())
        .append("\",\"kind\":\"")
        .append(request.kind())
        .append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(resourceVersion)
        .append('"');
    int remaining = snapshot.sortKeys().length - to;
    if (remaining > 0 && to > from) {
      json.append(",\"continue\":\"")
          .append(encode(snapshot.sortKeys()[to - 1]))
          .append("\",\"remainingItemCount\":")
          .append(remaining);
    }
    json.append("},\"items\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        json.append(',');
      }
      json.append(snapshot.jsons()[i]);
    }
    return json.append("]}").toString();
  }

  /** {@code namespace/name} of a stored key ({@code /name} for cluster-scoped objects). */
  static String sortKey(AttributeSet key) {
    String namespace = value(key, KubernetesAttributesExtractor.NAMESPACE);
    String name = value(key, KubernetesAttributesExtractor.NAME);
    return (namespace == null ? "" : namespace) + "/" + (name == null ? "" : name);
  }

  /** The single value of an attribute of a stored key, or null when absent. */
  static String value(AttributeSet key, String attribute) {
    Attribute a = key.getAttribute(attribute);
    return a == null || a.getValues().isEmpty() ? null : a.getValues().get(0).toString();
  }

  private static String encode(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidContinueException();
    }
    if (!decoded.startsWith(TOKEN_PREFIX)) {
      throw new InvalidContinueException();
    }
    return decoded.substring(TOKEN_PREFIX.length());
  }
}
