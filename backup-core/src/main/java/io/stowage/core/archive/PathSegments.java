package io.stowage.core.archive;

import io.stowage.api.BackupException;
import io.stowage.api.ItemIdentity;
import io.stowage.api.StandardErrorCode;
import java.util.Optional;

/**
 * Checks that values from the cluster are safe to use as single path segments (tar entry names,
 * object keys): a value must not be empty, must not be {@code .} or {@code ..}, and must not
 * contain {@code /}, {@code \}, NUL or any other control character (U+0000..U+001F,
 * U+007F..U+009F).
 */
public final class PathSegments {
  private PathSegments() {}

  /**
   * Checks every part of an item identity that goes into its tar paths: group (may be empty, for
   * the core group), version, resource, namespace (may be empty, for cluster-scoped items) and
   * name.
   *
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} naming the item, the field
   *     and the reason
   */
  public static void requireSafe(ItemIdentity item) {
    if (!item.group().isEmpty()) {
      requireSafe(item, "API group", item.group());
    }
    requireSafe(item, "API version", item.version());
    requireSafe(item, "resource", item.resource());
    if (!item.namespace().isEmpty()) {
      requireSafe(item, "namespace", item.namespace());
    }
    requireSafe(item, "name", item.name());
  }

  /**
   * Why {@code value} is unsafe as one path segment, as words that follow "the value" ({@code is
   * empty}, {@code contains '/'}), or empty when it is safe.
   */
  public static Optional<String> problem(String value) {
    if (value.isEmpty()) {
      return Optional.of("is empty");
    }
    if (value.equals(".") || value.equals("..")) {
      return Optional.of("is a relative path element");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '\\') {
        return Optional.of("contains '" + c + "'");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("contains the control character " + String.format("U+%04X", (int) c));
      }
    }
    return Optional.empty();
  }

  private static void requireSafe(ItemIdentity item, String field, String value) {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "Cannot write "
              + describe(item)
              + " to the backup: its "
              + field
              + " "
              + quote(value)
              + " "
              + problem.get()
              + ", which is not allowed in a path inside the backup tarball (it could escape its"
              + " folder). Exclude the object from the backup.");
    }
  }

  /** The item for messages, with every part quoted so control characters show. */
  static String describe(ItemIdentity item) {
    return "the "
        + quote(item.resource())
        + (item.group().isEmpty() ? "" : "." + quote(item.group()))
        + " item "
        + (item.namespace().isEmpty() ? "" : quote(item.namespace()) + "/")
        + quote(item.name())
        + " (version "
        + quote(item.version())
        + ")";
  }

  /** {@code "value"} with control characters, quotes and backslashes escaped. */
  static String quote(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append('"').toString();
  }
}
