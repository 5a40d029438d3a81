package io.stowage.examples.store;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An {@link ObjectBackupStore} that keeps each bucket as one flat directory and each object as one
 * file in it, named by its URL-encoded key: key {@code backups/nightly/velero-backup.json} of
 * bucket {@code velero} is the file {@code
 * <directory>/velero/backups%2Fnightly%2Fvelero-backup.json}. Unlike the {@code filesystem} store
 * there are no key directories to create or clean up, and a listing is one directory read, at the
 * price of file-name length: an encoded key longer than 255 bytes is refused.
 *
 * <p>How it keeps the {@link ObjectBackupStore} contract:
 *
 * <ul>
 *   <li>Atomic visibility: content streams into a temporary file of the bucket directory, whose
 *       name starts with {@code ~} (which URL encoding never produces, so listings skip it), then
 *       is renamed over the target.
 *   <li>{@link #putObjectIfAbsent} hard-links the temporary file to the target name, which fails if
 *       the name exists: one winner among racing writers, so {@link Capability#ATOMIC_CREATE}.
 *   <li>Missing objects map to {@link ObjectNotFoundException}; every other I/O failure to a {@link
 *       BackupException} ({@link StandardErrorCode#STORE_FAILED}) naming bucket and key.
 *   <li>No signed URLs: the interface's default refuses them with {@code NOT_SUPPORTED}.
 * </ul>
 *
 * Thread-safe: it holds no mutable state; the file system serialises the renames and links.
 */
public final class FlatDirectoryStore implements ObjectBackupStore {
  private static final int MAX_FILE_NAME = 255;
  private static final String TEMPORARY_PREFIX = "~tmp-";

  private final Path root;
  private final boolean fsync;

  /**
   * @param root the directory holding one folder per bucket
   * @param fsync whether each object is forced to disk before it becomes visible
   */
  public FlatDirectoryStore(Path root, boolean fsync) {
    this.root = requireNonNull(root, "root is null");
    this.fsync = fsync;
  }

  @Override
  public void putObject(String bucket, String key, InputStream body) {
    Path target = file(bucket, key);
    Path temporary = writeTemporary(bucket, key, body);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw failed("write", bucket, key, e);
    }
  }

  @Override
  public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
    Path target = file(bucket, key);
    Path temporary = writeTemporary(bucket, key, body);
    try {
      Files.createLink(target, temporary);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw failed("create", bucket, key, e);
    } finally {
      // The object, if linked, has its own name now; the temporary one goes either way.
      deleteQuietly(temporary);
    }
  }

  @Override
  public boolean objectExists(String bucket, String key) {
    return Files.isRegularFile(file(bucket, key));
  }

  @Override
  public InputStream getObject(String bucket, String key) {
    try {
      return Files.newInputStream(file(bucket, key));
    } catch (NoSuchFileException e) {
      throw new ObjectNotFoundException(bucket, key);
    } catch (IOException e) {
      throw failed("read", bucket, key, e);
    }
  }

  @Override
  public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
    Set<String> prefixes = new TreeSet<>();
    for (String key : listObjects(bucket, prefix)) {
      int end = key.indexOf(delimiter, prefix.length());
      if (end >= 0) {
        prefixes.add(key.substring(0, end + delimiter.length()));
      }
    }
    return List.copyOf(prefixes);
  }

  @Override
  public List<String> listObjects(String bucket, String prefix) {
    Path directory = bucketDirectory(bucket);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("~"))
          .map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8))
          .filter(key -> key.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw failed("list", bucket, prefix + "*", e);
    }
  }

  @Override
  public void deleteObject(String bucket, String key) {
    try {
      Files.deleteIfExists(file(bucket, key));
    } catch (IOException e) {
      throw failed("delete", bucket, key, e);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ATOMIC_CREATE);
  }

  /** The file of one object; refuses keys that cannot be a file name. */
  Path file(String bucket, String key) {
    requireNonNull(key, "key is null");
    if (key.isEmpty()) {
      throw invalid("an object key must not be empty (bucket " + bucket + ")");
    }
    String name = URLEncoder.encode(key, StandardCharsets.UTF_8);
    if (name.equals(".") || name.equals("..")) {
      throw invalid("object key \"" + key + "\" cannot be stored in bucket " + bucket);
    }
    if (name.length() > MAX_FILE_NAME) {
      throw invalid(
          "object key "
              + key
              + " is "
              + name.length()
              + " bytes URL-encoded; this store keeps keys as file names of at most "
              + MAX_FILE_NAME
              + " bytes (use a shorter location prefix or backup name)");
    }
    return bucketDirectory(bucket).resolve(name);
  }

  /** The directory of a bucket; refuses names that would leave the root. */
  private Path bucketDirectory(String bucket) {
    requireNonNull(bucket, "bucket is null");
    if (bucket.isEmpty()
        || bucket.equals(".")
        || bucket.equals("..")
        || bucket.contains("/")
        || bucket.contains("\\")
        || bucket.chars().anyMatch(Character::isISOControl)) {
      throw invalid(
          "bucket \"" + bucket + "\" is not a valid folder name (no /, \\, control characters)");
    }
    return root.resolve(bucket);
  }

  private Path writeTemporary(String bucket, String key, InputStream body) {
    Path directory = bucketDirectory(bucket);
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      // Owner-only (0600 on POSIX), as createTempFile makes it: backups hold Secrets.
      temporary = Files.createTempFile(directory, TEMPORARY_PREFIX, "");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        body.transferTo(out);
        if (fsync) {
          channel.force(true);
        }
      }
      return temporary;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw failed("write", bucket, key, e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover ~tmp- file is never listed; nothing depends on its removal.
      }
    }
  }

  private static BackupException invalid(String message) {
    return new BackupException(StandardErrorCode.INVALID_ARGUMENT, message);
  }

  private static BackupException failed(String verb, String bucket, String key, IOException e) {
    return new BackupException(
        StandardErrorCode.STORE_FAILED,
        "cannot " + verb + " object " + key + " in bucket " + bucket + ": " + e,
        e);
  }
}
