package io.stowage.k8s;

import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.ListPage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a list response item by item from the stream, filling in {@code apiVersion} and {@code
 * kind} on each item as client-go's unstructured lists do (a real API server leaves them out of
 * list items).
 */
final class ListPageReader {
  private final ObjectMapper mapper;

  ListPageReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ListPage read(InputStream body, ApiResource type) {
    List<ObjectNode> items = new ArrayList<>();
    String continueToken = "";
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a list response is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if ("items".equals(field) && parser.currentToken() == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            ObjectNode item = (ObjectNode) mapper.readTree(parser);
            items.add(withTypeMeta(item, type));
          }
        } else if ("metadata".equals(field) && parser.currentToken() == JsonToken.START_OBJECT) {
          JsonNode metadata = mapper.readTree(parser);
          JsonNode token = metadata.get("continue");
          continueToken = token == null || token.isNull() ? "" : token.asString();
        } else {
          parser.skipChildren();
        }
      }
    }
    return new ListPage(items, continueToken);
  }

  static ObjectNode withTypeMeta(ObjectNode item, ApiResource type) {
    if (!item.hasNonNull("apiVersion") || !item.hasNonNull("kind")) {
      ObjectNode ordered = item.objectNode();
      ordered.put("apiVersion", type.apiVersion());
      ordered.put("kind", type.kind());
      item.properties()
          .forEach(
              entry -> {
                if (!entry.getKey().equals("apiVersion") && !entry.getKey().equals("kind")) {
                  ordered.set(entry.getKey(), entry.getValue());
                }
              });
      return ordered;
    }
    return item;
  }
}
