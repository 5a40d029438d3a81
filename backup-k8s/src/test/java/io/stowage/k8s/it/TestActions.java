package io.stowage.k8s.it;

import io.stowage.api.BackupItem;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.core.backup.NamedAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** BackupItemActions for the tests, handed to the backupper through {@link NamedAction}. */
final class TestActions {
  static final String TOUCHED = "stowage.test/touched-by";
  static final String MUST_INCLUDE = "backup.velero.io/must-include-additional-items";
  static final String SKIP = "velero.io/skip-from-backup";

  private TestActions() {}

  /** An action with that selector running {@code body} on each item it applies to. */
  static Recording action(
      String name, ResourceSelector selector, Function<BackupItem, ActionResult> body) {
    return new Recording(name, selector, body);
  }

  /** Annotates each item it runs on with {@value #TOUCHED}{@code =<name>}. */
  static Recording marker(String name, ResourceSelector selector) {
    return action(name, selector, item -> ActionResult.unchanged(annotate(item, TOUCHED, name)));
  }

  /** Returns the item unchanged plus {@code additional}, in that order. */
  static Recording additional(
      String name, ResourceSelector selector, ResourceIdentifier... additional) {
    return action(name, selector, item -> new ActionResult(item, List.of(additional)));
  }

  static ResourceIdentifier id(String groupResource, String namespace, String name) {
    return new ResourceIdentifier(GroupResource.parse(groupResource), namespace, name);
  }

  static BackupItem annotate(BackupItem item, String key, String value) {
    ObjectNode metadata = (ObjectNode) item.body().get("metadata");
    ObjectNode annotations =
        metadata.get("annotations") instanceof ObjectNode existing
            ? existing
            : metadata.putObject("annotations");
    annotations.put(key, value);
    return item;
  }

  /** An action that remembers the items it ran on ({@code ns/name} or {@code name}). */
  static final class Recording implements BackupItemAction {
    private final String name;
    private final ResourceSelector selector;
    private final Function<BackupItem, ActionResult> body;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    Recording(String name, ResourceSelector selector, Function<BackupItem, ActionResult> body) {
      this.name = name;
      this.selector = selector;
      this.body = body;
    }

    @Override
    public ResourceSelector appliesTo() {
      return selector;
    }

    @Override
    public ActionResult execute(BackupItem item, ActionContext context) {
      String namespace = item.identity().namespace();
      seen.add(
          item.identity().groupResource()
              + " "
              + (namespace.isEmpty() ? "" : namespace + "/")
              + item.identity().name());
      return body.apply(item);
    }

    /** {@code <group resource> <ns/name>} of every item it ran on, in order. */
    List<String> seen() {
      synchronized (seen) {
        return List.copyOf(seen);
      }
    }

    NamedAction named() {
      return new NamedAction(name, this);
    }
  }
}
