package io.stowage.snapshot.csi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers on Kubernetes objects as JSON trees. */
final class Json {
  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A text field at a path of names, {@code ""} when absent or null. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    return current.isMissingNode() || current.isNull() ? "" : current.asString("");
  }

  static String name(JsonNode object) {
    return text(object, "metadata", "name");
  }

  static String namespace(JsonNode object) {
    return text(object, "metadata", "namespace");
  }

  /** {@code metadata.labels} or {@code metadata.annotations} as a map, in order. */
  static Map<String, String> metadataMap(JsonNode object, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    object
        .path("metadata")
        .path(field)
        .properties()
        .forEach(e -> map.put(e.getKey(), e.getValue().asString("")));
    return map;
  }

  /** Puts the entries into {@code metadata.labels} or {@code metadata.annotations}. */
  static void putMetadata(ObjectNode object, String field, Map<String, String> entries) {
    ObjectNode metadata =
        object.get("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
    ObjectNode map =
        metadata.get(field) instanceof ObjectNode existing ? existing : metadata.putObject(field);
    entries.forEach(map::put);
  }

  /** {@code {"metadata": {<field>: entries}}}, a merge patch. */
  static ObjectNode metadataPatch(String field, Map<String, String> entries) {
    ObjectNode patch = object();
    ObjectNode map = patch.putObject("metadata").putObject(field);
    entries.forEach(map::put);
    return patch;
  }

  /** Velero's {@code label.GetValidName}: at most 63 bytes, long names hashed. */
  static String validLabelValue(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 63) {
      return name;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new String(bytes, 0, 57, StandardCharsets.UTF_8)
          + HexFormat.of().formatHex(digest).substring(0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
