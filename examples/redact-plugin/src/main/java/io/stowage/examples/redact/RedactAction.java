package io.stowage.examples.redact;

import io.stowage.api.BackupItem;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the values of chosen keys of Secrets and ConfigMaps with {@link #MARKER} before they are
 * written to the backup. The keys are named, comma-separated, in the object's annotation {@link
 * #KEYS_ANNOTATION}; objects without it are stored unchanged.
 *
 * <p>A Secret's {@code data} holds base64, so its redacted values are the base64 of the marker: the
 * object stays valid and restores as a Secret whose values read {@code [redacted]}. {@code
 * stringData} and a ConfigMap's {@code data} hold text and get the marker itself.
 *
 * <p>The backup log names the keys redacted on each object, never their values. A key named in the
 * annotation but found in neither field is a warning: most likely a typo that would let a secret
 * through. Stateless and thread-safe.
 */
public final class RedactAction implements BackupItemAction {
  /** The annotation naming the keys to redact, such as {@code password,token}. */
  public static final String KEYS_ANNOTATION = "redact.examples.stowage.io/keys";

  /** What a redacted value reads. */
  public static final String MARKER = "[redacted]";

  private static final String ENCODED_MARKER =
      Base64.getEncoder().encodeToString(MARKER.getBytes(StandardCharsets.UTF_8));

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("secrets", "configmaps");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    Set<String> keys = keysToRedact(item.annotations().get(KEYS_ANNOTATION));
    if (keys.isEmpty()) {
      return ActionResult.unchanged(item);
    }
    ObjectNode body = item.body().deepCopy();
    boolean secret = "Secret".equals(item.kind());
    List<String> redacted = new ArrayList<>();
    redacted.addAll(redact(body, "data", keys, secret ? ENCODED_MARKER : MARKER));
    redacted.addAll(redact(body, "stringData", keys, MARKER));

    ResourceIdentifier id = item.identity().toResourceIdentifier();
    if (!redacted.isEmpty()) {
      context.log().info(id, "redact: replaced the values of " + redacted + " with " + MARKER);
    }
    Set<String> missing = new LinkedHashSet<>(keys);
    redacted.stream()
        .map(field -> field.substring(field.indexOf('.') + 1))
        .forEach(missing::remove);
    if (!missing.isEmpty()) {
      context.log().warn(id, "redact: " + KEYS_ANNOTATION + " names keys not found: " + missing);
    }
    return ActionResult.unchanged(item.withBody(body));
  }

  /** The annotation's comma-separated key names, trimmed, without blanks; empty when absent. */
  static Set<String> keysToRedact(String annotation) {
    Set<String> keys = new LinkedHashSet<>();
    if (annotation != null) {
      for (String key : annotation.split(",")) {
        if (!key.isBlank()) {
          keys.add(key.strip());
        }
      }
    }
    return keys;
  }

  /** Replaces the named keys of {@code body.field}; answers them as {@code field.key}. */
  private static List<String> redact(
      ObjectNode body, String field, Set<String> keys, String replacement) {
    JsonNode values = body.get(field);
    List<String> done = new ArrayList<>();
    if (values instanceof ObjectNode map) {
      for (String key : keys) {
        if (map.has(key)) {
          map.put(key, replacement);
          done.add(field + "." + key);
        }
      }
    }
    return done;
  }
}
