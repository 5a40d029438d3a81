package io.stowage.snapshot.csi;

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
}
