package io.stowage.api.spi;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.store.BackupStore;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An object store holding backups, with Velero's {@code ObjectStore} verbs. Keys are {@code
 * /}-separated strings; the backup layout on top of them ({@code <prefix>/backups/<name>/...}) is
 * {@link BackupStore}'s job, reached through {@link #forLocation}.
 *
 * <p>Contract, checked by the testkit's {@code ObjectBackupStoreContract}:
 *
 * <ul>
 *   <li>Thread-safe; every method may be called concurrently.
 *   <li>An object is visible only once completely written: a failed or interrupted put leaves the
 *       previous state (nothing, or the old object).
 *   <li>Missing objects: {@link #objectExists} answers {@code false}; {@link #getObject} throws
 *       {@link io.stowage.api.ObjectNotFoundException}. Other failures throw {@link
 *       BackupException} naming the bucket and key.
 *   <li>Optional features are announced by {@link #capabilities()}; the default methods of the
 *       missing ones throw {@link BackupException} with {@link StandardErrorCode#NOT_SUPPORTED}.
 * </ul>
 */
public interface ObjectBackupStore extends AutoCloseable {

  /** Optional features of a store. */
  enum Capability {
    /** {@link #createSignedUrl} works. */
    SIGNED_URLS,
    /** {@link #putObjectIfAbsent} is atomic: two racing writers cannot both succeed. */
    ATOMIC_CREATE
  }

  /**
   * Writes an object of any size from a stream, replacing an existing one. Reads {@code body} to
   * its end; does not close it.
   */
  void putObject(String bucket, String key, InputStream body);

  /**
   * Writes an object only if none exists under the key and answers whether it wrote. The default
   * checks, then writes, so two racing writers may both succeed; stores that can do better announce
   * {@link Capability#ATOMIC_CREATE}.
   */
  default boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
    if (objectExists(bucket, key)) {
      return false;
    }
    putObject(bucket, key, body);
    return true;
  }

  /** {@code true} when an object exists under the key. */
  boolean objectExists(String bucket, String key);

  /** Opens an object for reading; the caller closes the stream. */
  InputStream getObject(String bucket, String key);

  /**
   * The distinct prefixes under {@code prefix} up to and including the next {@code delimiter}, in
   * full: for keys {@code a/x/1} and {@code a/y/2}, prefix {@code a/} and delimiter {@code /} give
   * {@code [a/x/, a/y/]}. Sorted.
   */
  List<String> listCommonPrefixes(String bucket, String prefix, String delimiter);

  /** Every key under {@code prefix}, at any depth. Sorted. */
  List<String> listObjects(String bucket, String prefix);

  /** Deletes one object; deleting a missing one is not an error. */
  void deleteObject(String bucket, String key);

  /** A URL that lets anyone holding it GET the object for {@code ttl}. */
  default URI createSignedUrl(String bucket, String key, Duration ttl) {
    throw new BackupException(
        StandardErrorCode.NOT_SUPPORTED,
        getClass().getSimpleName() + " cannot create signed URLs; download through the store");
  }

  /** Optional features this store offers. */
  default Set<Capability> capabilities() {
    return Set.of();
  }

  /** The backup layout of a location in this store: Velero's persistence operations. */
  default BackupStore forLocation(String bucket, String prefix) {
    return new BackupStore(this, bucket, prefix);
  }

  /** Releases clients and threads. The default does nothing. */
  @Override
  default void close() {}
}
