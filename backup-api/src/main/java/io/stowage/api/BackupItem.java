package io.stowage.api;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object on its way into a backup: who it is and its JSON body as the API server
 * returned it (with {@code apiVersion} and {@code kind}).
 *
 * <p>The body is a Jackson tree and therefore mutable. An item handed to a plugin belongs to that
 * call: a plugin may change the body in place or return a new item, and must not keep a reference
 * after returning. Use {@link #copy()} to keep a snapshot.
 *
 * @param identity where the object lives
 * @param body the object as JSON
 */
public record BackupItem(ItemIdentity identity, ObjectNode body) {
  public BackupItem {
    requireNonNull(identity, "identity is null");
    requireNonNull(body, "body is null");
  }

  /** {@code kind} of the body, or {@code ""} when it has none. */
  public String kind() {
    return text(body, "kind");
  }

  /** {@code apiVersion} of the body, or the identity's when the body has none. */
  public String apiVersion() {
    String value = text(body, "apiVersion");
    return value.isEmpty() ? identity.apiVersion() : value;
  }

  /** The labels, in their order; empty when none. */
  public Map<String, String> labels() {
    return stringMap("labels");
  }

  /** The annotations, in their order; empty when none. */
  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  /** {@code true} when {@code metadata.deletionTimestamp} is set. */
  public boolean terminating() {
    JsonNode metadata = body.get("metadata");
    return metadata != null && metadata.hasNonNull("deletionTimestamp");
  }

  /** A deep copy whose body can be changed without touching this one. */
  public BackupItem copy() {
    return new BackupItem(identity, body.deepCopy());
  }

  /** The same identity with another body. */
  public BackupItem withBody(ObjectNode newBody) {
    return new BackupItem(identity, newBody);
  }

  private Map<String, String> stringMap(String field) {
    JsonNode metadata = body.get("metadata");
    JsonNode map = metadata == null ? null : metadata.get(field);
    Map<String, String> result = new LinkedHashMap<>();
    if (map != null && map.isObject()) {
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        result.put(entry.getKey(), entry.getValue().asString());
      }
    }
    return result;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }
}
