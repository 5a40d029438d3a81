package io.stowage.testkit.k8s;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request target split into its path (without trailing slash) and its decoded query parameters.
 *
 * @param path the path, e.g. {@code /api/v1/namespaces/a/configmaps}; {@code /} for the root
 * @param query every query parameter with all its values, in request order
 */
record ApiRequest(String path, Map<String, List<String>> query) {

  ApiRequest {
    query = Map.copyOf(query);
  }

  /** Splits a request target such as {@code /apis?timeout=32s}. */
  static ApiRequest parse(String target) {
    String raw = target == null || target.isEmpty() ? "/" : target;
    int q = raw.indexOf('?');
    String path = q < 0 ? raw : raw.substring(0, q);
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : raw.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    query.replaceAll((k, v) -> List.copyOf(v));
    return new ApiRequest(path.isEmpty() ? "/" : path, query);
  }

  /** The first value of a parameter, or null when absent. */
  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All values of a parameter, in request order; empty when absent. */
  List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** Whether a boolean parameter is present and {@code true} or {@code 1}. */
  boolean flag(String name) {
    String value = param(name);
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
