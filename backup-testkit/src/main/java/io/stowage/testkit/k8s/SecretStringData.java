package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Does what the API server does with a Secret's write-only {@code stringData}: each entry is
 * base64-encoded into {@code data} (overriding an entry of the same key) and {@code stringData} is
 * dropped.
 */
final class SecretStringData {

  private static final String STRING_DATA = "stringData";
  private static final String DATA = "data";

  private SecretStringData() {}

  /** Cheap pre-check for a request path and stored JSON: could this need folding? */
  static boolean mayNeedFolding(String path, String json) {
    return json != null && path.contains("/secrets") && json.contains("\"" + STRING_DATA + "\"");
  }

  /**
   * Folds {@code stringData} into {@code data} in a Secret's JSON.
   *
   * @return the folded JSON, or {@code json} itself when it is not a v1 Secret with stringData
   */
  static String fold(String json) {
    JsonNode node = Serialization.jsonMapper().readTree(json);
    if (node instanceof ObjectNode secret && fold(secret)) {
      return Serialization.jsonMapper().writeValueAsString(secret);
    }
    return json;
  }

  /**
   * Folds {@code stringData} into {@code data} of a Secret held as a JSON tree, in place.
   *
   * @return whether the tree was a v1 Secret with stringData, and so changed
   */
  static boolean fold(ObjectNode secret) {
    if (!isSecret(text(secret, "apiVersion"), text(secret, "kind")) || !secret.has(STRING_DATA)) {
      return false;
    }
    JsonNode stringData = secret.remove(STRING_DATA);
    if (stringData.isObject() && !stringData.isEmpty()) {
      ObjectNode data =
          secret.get(DATA) instanceof ObjectNode existing ? existing : secret.putObject(DATA);
      for (Map.Entry<String, JsonNode> e : stringData.properties()) {
        data.put(e.getKey(), base64(e.getValue().asString()));
      }
    }
    return true;
  }

  private static boolean isSecret(String apiVersion, String kind) {
    return "v1".equals(apiVersion) && "Secret".equals(kind);
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? null : value.asString();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
