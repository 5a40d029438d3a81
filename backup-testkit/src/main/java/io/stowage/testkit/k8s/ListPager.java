package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Serves list requests from the CRUD store: filtering by path, field and label selector, ordering
 * by {@code namespace/name}, and {@code limit}/{@code continue} paging.
 *
 * <p>Items are the stored JSON strings, concatenated without re-parsing. Paging keeps no state: the
 * continue token carries the last key served, and the next page starts after it. Unlike a real API
 * server, pages are not pinned to one resourceVersion: objects written between pages show up (or
 * not) according to their key.
 */
final class ListPager {

  /**
   * What to list.
   *
   * @param query attributes every stored key must match (path attributes and field selector)
   * @param coreOnly whether the request is for the core group (keys must then have no API group)
   * @param labels label selector applied to the keys' label attributes
   * @param limit maximum items per page; 0 for all
   * @param continueToken token from the previous page, or null for the first page
   * @param apiVersion {@code apiVersion} of the list
   * @param kind {@code kind} of the list, e.g. {@code ConfigMapList}
   */
  record Request(
      AttributeSet query,
      boolean coreOnly,
      LabelSelector labels,
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

  private record Match(String sortKey, String json) {}

  private ListPager() {}

  /**
   * Builds the list JSON for one page.
   *
   * @param store the CRUD map; read while holding its monitor
   * @param request what to list
   * @param resourceVersion the list's {@code metadata.resourceVersion}
   * @throws InvalidContinueException if the continue token is malformed
   */
  static String page(Map<AttributeSet, String> store, Request request, long resourceVersion) {
    String after = request.continueToken() == null ? null : decode(request.continueToken());
    boolean paged = request.limit() > 0;
    int capacity = paged ? (int) Math.min(request.limit(), 1 << 20) : 16;
    Comparator<Match> order = Comparator.comparing(Match::sortKey);
    // While paging, a max-heap keeps only the `limit` smallest keys after the continue point.
    PriorityQueue<Match> heap = new PriorityQueue<>(capacity + 1, order.reversed());
    List<Match> all = new ArrayList<>();
    long matched = 0;
    synchronized (store) {
      for (Map.Entry<AttributeSet, String> e : store.entrySet()) {
        AttributeSet key = e.getKey();
        if (!key.matches(request.query())
            || (request.coreOnly() && key.containsKey(KubernetesAttributesExtractor.API))
            || !request.labels().matches(label -> value(key, LABEL_PREFIX + label))) {
          continue;
        }
        String sortKey = sortKey(key);
        if (after != null && sortKey.compareTo(after) <= 0) {
          continue;
        }
        matched++;
        Match m = new Match(sortKey, e.getValue());
        if (!paged) {
          all.add(m);
        } else if (heap.size() < request.limit()) {
          heap.add(m);
        } else if (sortKey.compareTo(heap.peek().sortKey()) < 0) {
          heap.poll();
          heap.add(m);
        }
      }
    }
    List<Match> items = paged ? new ArrayList<>(heap) : all;
    items.sort(order);
    long remaining = matched - items.size();
    return render(request, items, remaining, resourceVersion);
  }

  private static String render(
      Request request, List<Match> items, long remaining, long resourceVersion) {
    int size = 256;
    for (Match m : items) {
      size += m.json().length() + 1;
    }
    StringBuilder json = new StringBuilder(size);
    json.append("{\"apiVersion\":\"")
        .append(request.apiVersion())
        .append("\",\"kind\":\"")
        .append(request.kind())
        .append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(resourceVersion)
        .append('"');
    if (remaining > 0) {
      json.append(",\"continue\":\"")
          .append(encode(items.get(items.size() - 1).sortKey()))
          .append("\",\"remainingItemCount\":")
          .append(remaining);
    }
    json.append("},\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(items.get(i).json());
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
