package io.stowage.store.filesystem;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One object: its bucket and key, and the file that holds it (which may not exist).
 *
 * @param bucket the bucket, already checked
 * @param key the key, already checked
 * @param file the file of the object, strictly inside the bucket directory
 */
record ObjectLocation(String bucket, String key, Path file) {
  ObjectLocation {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(key, "key is null");
    requireNonNull(file, "file is null");
  }

  /** {@code object <key> in bucket <bucket>}, for messages. */
  String describe() {
    return "object " + key + " in bucket " + bucket;
  }
}
