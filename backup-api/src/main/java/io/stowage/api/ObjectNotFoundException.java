package io.stowage.api;

import static java.util.Objects.requireNonNull;

/** An object store has no object under the key asked for. */
public class ObjectNotFoundException extends BackupException {
  private static final long serialVersionUID = 1L;

  private final String bucket;
  private final String key;

  public ObjectNotFoundException(String bucket, String key) {
    super(
        StandardErrorCode.OBJECT_NOT_FOUND,
        "object " + requireNonNull(key, "key is null") + " not found in bucket " + bucket);
    this.bucket = requireNonNull(bucket, "bucket is null");
    this.key = key;
  }

  public String bucket() {
    return bucket;
  }

  public String key() {
    return key;
  }
}
