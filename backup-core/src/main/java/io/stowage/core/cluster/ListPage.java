package io.stowage.core.cluster;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a paginated list.
 *
 * @param items the objects of this page, each with {@code apiVersion} and {@code kind} set
 * @param continueToken the token for the next page, or {@code ""} when this was the last
 */
public record ListPage(List<ObjectNode> items, String continueToken) {
  public ListPage {
    items = List.copyOf(items);
    continueToken = continueToken == null ? "" : continueToken;
  }

  public boolean last() {
    return continueToken.isEmpty();
  }
}
