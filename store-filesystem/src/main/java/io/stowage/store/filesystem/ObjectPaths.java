package io.stowage.store.filesystem;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps buckets and keys to paths under the store's root, and refuses any that could leave it.
 *
 * <p>A bucket is one directory under the root; a key is a relative path under its bucket, {@code /}
 * separating directories. A bucket name and each segment of a key must be non-empty, must not be
 * {@code .} or {@code ..}, and must not hold a backslash or a control character (NUL included); a
 * key must not start or end with {@code /}. Key segments must not start with {@link
 * #TEMP_FILE_PREFIX}, the names the store reserves for files being written. On top of these rules,
 * every resolved path is checked to lie strictly inside its bucket directory.
 */
final class ObjectPaths {
  /** Prefix of the names of files being written; such names are never objects. */
  static final String TEMP_FILE_PREFIX = ".stowage-tmp-";

  private final Path root;

  /**
   * @param root the directory holding the buckets; made absolute and normalized
   */
  ObjectPaths(Path root) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** The directory of a bucket; it may not exist. */
  Path bucketDirectory(String bucket) {
    if (bucket == null || bucket.isEmpty()) {
      throw invalid("bucket name", String.valueOf(bucket), "it is missing");
    }
    if (bucket.indexOf('/') >= 0) {
      throw invalid("bucket name", bucket, "it must not contain '/' (put a prefix in the key)");
    }
    checkSegment("bucket name", bucket, bucket, false);
    return inside(root, bucket, "bucket name", bucket);
  }

  /** The file of an object; it may not exist. */
  Path objectFile(String bucket, String key) {
    Path bucketDirectory = bucketDirectory(bucket);
    if (key == null || key.isEmpty()) {
      throw invalid("object key", String.valueOf(key), "it is missing");
    }
    if (key.startsWith("/")) {
      throw invalid("object key", key, "it must be relative, not start with '/'");
    }
    if (key.endsWith("/")) {
      throw invalid("object key", key, "it must not end with '/'");
    }
    for (String segment : key.split("/", -1)) {
      checkSegment("object key", key, segment, true);
    }
    return inside(bucketDirectory, key, "object key", key);
  }

  /**
   * The directory holding every key that starts with {@code prefix}: the bucket directory joined
   * with the part of the prefix up to its last {@code /}. The rest of the prefix is only matched
   * against names, never resolved, but must not hold a backslash or a control character either.
   */
  Path prefixDirectory(String bucket, String prefix) {
    Path bucketDirectory = bucketDirectory(bucket);
    if (prefix == null) {
      throw invalid("prefix", "null", "it is null; use \"\" for the whole bucket");
    }
    if (prefix.startsWith("/")) {
      throw invalid("prefix", prefix, "it must be relative, not start with '/'");
    }
    String directory = directoryPart(prefix);
    checkCharacters("prefix", prefix, prefix.substring(directory.length()));
    if (directory.isEmpty()) {
      return bucketDirectory;
    }
    String relative = directory.substring(0, directory.length() - 1);
    for (String segment : relative.split("/", -1)) {
      checkSegment("prefix", prefix, segment, true);
    }
    return inside(bucketDirectory, relative, "prefix", prefix);
  }

  /** The part of {@code prefix} up to and including its last {@code /}; {@code ""} if none. */
  static String directoryPart(String prefix) {
    return prefix.substring(0, prefix.lastIndexOf('/') + 1);
  }

  /** The key of a file or directory under {@code bucketDirectory}, {@code /}-separated. */
  static String keyOf(Path bucketDirectory, Path path) {
    StringBuilder key = new StringBuilder();
    for (Path name : bucketDirectory.relativize(path)) {
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(name);
    }
    return key.toString();
  }

  static boolean isTempName(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(TEMP_FILE_PREFIX);
  }

  private static void checkSegment(String what, String value, String segment, boolean inKey) {
    if (segment.isEmpty()) {
      throw invalid(what, value, "it must not contain empty segments ('//')");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw invalid(what, value, "it must not contain '.' or '..' segments");
    }
    checkCharacters(what, value, segment);
    if (inKey && segment.startsWith(TEMP_FILE_PREFIX)) {
      throw invalid(
          what, value, "names starting with '" + TEMP_FILE_PREFIX + "' are reserved by the store");
    }
  }

  private static void checkCharacters(String what, String value, String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '\\') {
        throw invalid(what, value, "it must not contain a backslash; separate with '/'");
      }
      if (c < 0x20 || c == 0x7f) {
        throw invalid(what, value, "it must not contain control characters such as NUL");
      }
    }
  }

  /** Resolves {@code relative} under {@code parent} and insists that it stays strictly inside. */
  private static Path inside(Path parent, String relative, String what, String value) {
    Path resolved;
    try {
      resolved = parent.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw invalid(what, value, "it is not a valid path on this file system: " + e.getReason());
    }
    if (!resolved.startsWith(parent) || resolved.equals(parent)) {
      throw invalid(what, value, "it resolves outside " + parent);
    }
    return resolved;
  }

  private static BackupException invalid(String what, String value, String reason) {
    return new BackupException(
        StandardErrorCode.INVALID_ARGUMENT,
        "invalid " + what + " \"" + printable(value) + "\": " + reason);
  }

  /** The value with control characters escaped, so that a message never carries them. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
