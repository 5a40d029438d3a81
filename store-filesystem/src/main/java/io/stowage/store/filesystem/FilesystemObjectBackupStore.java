package io.stowage.store.filesystem;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@link ObjectBackupStore} on a local directory, in the key layout of a bucket: bucket {@code
 * b} is the directory {@code <root>/b}, and key {@code backups/x/velero-backup.json} is the file
 * {@code <root>/b/backups/x/velero-backup.json}. A Velero backup location's files can therefore be
 * copied to or from a bucket with ordinary tools.
 *
 * <p>Behaviour beyond the {@link ObjectBackupStore} contract:
 *
 * <ul>
 *   <li><b>Buckets are created on first write.</b> The root, the bucket directory and every
 *       directory of a key are created as needed. Reading or listing a bucket that does not exist
 *       finds nothing rather than failing, as an empty bucket would; so a store can be pointed at a
 *       fresh directory without a separate setup step.
 *   <li><b>Atomic writes.</b> Content streams into a temporary file next to the target, is synced
 *       to disk, and is then renamed over the target; {@link #putObjectIfAbsent} hard-links it to
 *       the target name instead, which fails if the name is taken, so of racing writers exactly one
 *       wins, across processes too ({@link Capability#ATOMIC_CREATE}). A failed write leaves the
 *       previous object and no temporary file. Temporary files ({@code .stowage-tmp-*}) are never
 *       listed; a process killed while writing may leave one, and it can be deleted by hand.
 *   <li><b>Owner-only.</b> New files are {@code 0600} and new directories {@code 0700} where the
 *       file system has POSIX permissions, because backups contain Secrets. Existing directories
 *       keep their permissions.
 *   <li><b>Path safety.</b> Buckets and keys must not be able to leave their directory: empty,
 *       {@code .} and {@code ..} segments, a leading or trailing {@code /}, backslashes and control
 *       characters are refused with {@link StandardErrorCode#INVALID_ARGUMENT}, and every resolved
 *       path is checked to lie inside its bucket. Key segments starting with {@code .stowage-tmp-}
 *       are reserved.
 *   <li><b>Deletes tidy up.</b> {@link #deleteObject} removes the file and then its parent
 *       directories up to (not including) the bucket directory while they are empty.
 *   <li><b>Links.</b> The root and a bucket directory may be symbolic links. Inside a bucket only
 *       regular files are objects: symbolic links are not listed, read or deleted.
 *   <li><b>File-system limits.</b> A file cannot also be a directory, so the store cannot hold both
 *       {@code a} and {@code a/b}; Velero's layout never needs that, and the attempt fails with
 *       {@link StandardErrorCode#STORE_FAILED} naming the conflict. On a case-insensitive file
 *       system keys differing only in case are the same object.
 *   <li>Signed URLs are not offered.
 * </ul>
 *
 * <p>I/O failures throw {@link BackupException} with {@link StandardErrorCode#STORE_FAILED}, naming
 * the path and what to check. Thread-safe; several stores and processes may share one root.
 */
public final class FilesystemObjectBackupStore implements ObjectBackupStore {
  private final ObjectPaths paths;
  private final AtomicFileWriter writer;

  /**
   * A store on {@code root}, the directory holding the buckets. Nothing is created until the first
   * write; a relative root is resolved against the current directory now.
   */
  public FilesystemObjectBackupStore(Path root) {
    this.paths = new ObjectPaths(root);
    this.writer = new AtomicFileWriter(paths, OwnerOnly.on(root.getFileSystem()));
  }

  /** The absolute directory holding the buckets. */
  public Path root() {
    return paths.root();
  }

  @Override
  public void putObject(String bucket, String key, InputStream body) {
    writer.replace(locate(bucket, key), body);
  }

  @Override
  public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
    return writer.createIfAbsent(locate(bucket, key), body);
  }

  @Override
  public boolean objectExists(String bucket, String key) {
    ObjectLocation object = locate(bucket, key);
    return attributes(object, "checking").map(BasicFileAttributes::isRegularFile).orElse(false);
  }

  @Override
  public InputStream getObject(String bucket, String key) {
    ObjectLocation object = locate(bucket, key);
    if (!attributes(object, "reading").map(BasicFileAttributes::isRegularFile).orElse(false)) {
      throw new ObjectNotFoundException(bucket, key);
    }
    try {
      return Files.newInputStream(
          object.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new ObjectNotFoundException(bucket, key);
    } catch (IOException e) {
      throw StoreErrors.failed("reading " + object.describe(), object.file(), e);
    }
  }

  @Override
  public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
    if (delimiter == null || delimiter.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "the delimiter for listing common prefixes in bucket " + bucket + " is empty; use \"/\"");
    }
    if (!delimiter.equals("/")) {
      return commonPrefixesOf(listObjects(bucket, prefix), prefix, delimiter);
    }
    Path bucketDirectory = paths.bucketDirectory(bucket);
    Path start = paths.prefixDirectory(bucket, prefix);
    try {
      Optional<DirectoryListing> listing = DirectoryListing.of(bucketDirectory, start);
      return listing.isEmpty() ? List.of() : listing.get().commonPrefixes(prefix);
    } catch (IOException e) {
      throw StoreErrors.failed(
          "listing prefixes under " + prefix + " in bucket " + bucket, start, e);
    }
  }

  @Override
  public List<String> listObjects(String bucket, String prefix) {
    Path bucketDirectory = paths.bucketDirectory(bucket);
    Path start = paths.prefixDirectory(bucket, prefix);
    try {
      Optional<DirectoryListing> listing = DirectoryListing.of(bucketDirectory, start);
      return listing.isEmpty() ? List.of() : listing.get().objects(prefix);
    } catch (IOException e) {
      throw StoreErrors.failed(
          "listing objects under " + prefix + " in bucket " + bucket, start, e);
    }
  }

  @Override
  public void deleteObject(String bucket, String key) {
    ObjectLocation object = locate(bucket, key);
    if (!attributes(object, "deleting").map(BasicFileAttributes::isRegularFile).orElse(false)) {
      return;
    }
    try {
      Files.delete(object.file());
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw StoreErrors.failed("deleting " + object.describe(), object.file(), e);
    }
    Directories.removeEmptyParents(object.file(), paths.bucketDirectory(bucket));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ATOMIC_CREATE);
  }

  @Override
  public String toString() {
    return "FilesystemObjectBackupStore[" + paths.root() + "]";
  }

  private ObjectLocation locate(String bucket, String key) {
    return new ObjectLocation(bucket, key, paths.objectFile(bucket, key));
  }

  /** The attributes of the object's file itself (links not followed); empty when it is absent. */
  private Optional<BasicFileAttributes> attributes(ObjectLocation object, String action) {
    try {
      return Optional.of(
          Files.readAttributes(
              object.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (Directories.nonDirectoryAncestor(object.file(), paths.root()).isPresent()) {
        return Optional.empty(); // a file where a directory of the key would be: no such object
      }
      throw StoreErrors.failed(action + " " + object.describe(), object.file(), e);
    }
  }

  /** Common prefixes for a delimiter other than {@code /}, from the listed keys. */
  private static List<String> commonPrefixesOf(List<String> keys, String prefix, String delimiter) {
    Set<String> prefixes = new TreeSet<>();
    for (String key : keys) {
      int end = key.indexOf(delimiter, prefix.length());
      if (end >= 0) {
        prefixes.add(key.substring(0, end + delimiter.length()));
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(prefixes));
  }
}
