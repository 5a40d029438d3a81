package io.stowage.store.filesystem;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an object so that it appears complete or not at all.
 *
 * <p>The content streams into a temporary file in the object's own directory, named {@link
 * ObjectPaths#TEMP_FILE_PREFIX}{@code <uuid>} and created owner-only; the file is synced to disk
 * and then published in one step: renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE})
 * to replace, or hard-linked to the target name ({@link Files#createLink}, which fails when the
 * name is taken) to create only if absent. Whatever happens, the temporary file is removed before
 * the method returns. A process killed in the middle can leave a temporary file behind; listings
 * never show it.
 *
 * <p>Missing directories (the bucket's included) are created owner-only. A directory that a
 * concurrent delete removes before the temporary file is in it is created again.
 */
final class AtomicFileWriter {
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final int CREATE_ATTEMPTS = 5;

  private final ObjectPaths paths;
  private final OwnerOnly ownerOnly;

  AtomicFileWriter(ObjectPaths paths, OwnerOnly ownerOnly) {
    this.paths = requireNonNull(paths, "paths is null");
    this.ownerOnly = requireNonNull(ownerOnly, "ownerOnly is null");
  }

  /** Writes the object, replacing an existing one. */
  void replace(ObjectLocation object, InputStream body) {
    write(object, body, true);
  }

  /** Writes the object only if its key is free; answers whether it wrote. */
  boolean createIfAbsent(ObjectLocation object, InputStream body) {
    return write(object, body, false);
  }

  private boolean write(ObjectLocation object, InputStream body, boolean replace) {
    requireNonNull(body, "body is null");
    refuseDirectoryAt(object);
    Path temp = object.file().resolveSibling(ObjectPaths.TEMP_FILE_PREFIX + UUID.randomUUID());
    boolean published = false;
    try {
      try (FileChannel channel = createTemp(object, temp)) {
        copy(object, body, channel);
        channel.force(true);
      } catch (IOException e) {
        throw StoreErrors.failed("writing " + object.describe(), temp, e);
      }
      published = replace ? move(object, temp) : link(object, temp);
      if (published) {
        syncDirectory(temp.getParent());
      }
      return published;
    } finally {
      deleteQuietly(temp);
      if (!published) {
        // Directories this write created (and nothing else uses) go again.
        Directories.removeEmptyParents(temp, paths.bucketDirectory(object.bucket()));
      }
    }
  }

  private void refuseDirectoryAt(ObjectLocation object) {
    if (Files.isDirectory(object.file(), LinkOption.NOFOLLOW_LINKS)) {
      throw StoreErrors.conflict(
          object.bucket(), object.key(), object.file(), "is a directory holding other keys");
    }
  }

  private FileChannel createTemp(ObjectLocation object, Path temp) {
    Path directory = temp.getParent();
    for (int attempt = 1; ; attempt++) {
      if (!createDirectories(object, directory)) {
        if (attempt == CREATE_ATTEMPTS) {
          throw StoreErrors.failed(
              "creating the directory of " + object.describe(),
              directory,
              new NoSuchFileException(directory.toString()));
        }
        continue;
      }
      try {
        return FileChannel.open(
            temp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            ownerOnly.file());
      } catch (NoSuchFileException e) {
        // A concurrent delete removed the directory after it became empty: create it again.
        if (attempt == CREATE_ATTEMPTS) {
          throw StoreErrors.failed("creating a temporary file for " + object.describe(), temp, e);
        }
      } catch (IOException e) {
        throw StoreErrors.failed("creating a temporary file for " + object.describe(), temp, e);
      }
    }
  }

  /**
   * Creates the object's directory; false when a concurrent delete removed a parent half-way (the
   * caller tries again).
   */
  private boolean createDirectories(ObjectLocation object, Path directory) {
    try {
      Files.createDirectories(directory, ownerOnly.directory());
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      Path blocking = Directories.nonDirectoryAncestor(object.file(), paths.root()).orElse(null);
      Path bucketDirectory = paths.bucketDirectory(object.bucket());
      if (blocking == null) {
        if (e instanceof FileAlreadyExistsException) {
          // Files.createDirectories found the directory, then saw it gone when it checked it was
          // one: a concurrent delete removed it in between. Try again like a missing parent.
          return false;
        }
        throw StoreErrors.failed("creating the directory of " + object.describe(), directory, e);
      }
      if (blocking.startsWith(bucketDirectory) && !blocking.equals(bucketDirectory)) {
        throw StoreErrors.conflict(
            object.bucket(), object.key(), blocking, "is an object, not a directory");
      }
      throw StoreErrors.notADirectory("writing " + object.describe(), blocking, e);
    }
  }

  private static void copy(ObjectLocation object, InputStream body, FileChannel channel)
      throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    ByteBuffer bytes = ByteBuffer.wrap(buffer);
    while (true) {
      int n;
      try {
        n = body.read(buffer);
      } catch (IOException e) {
        throw StoreErrors.sourceFailed(object.bucket(), object.key(), e);
      }
      if (n < 0) {
        return;
      }
      bytes.clear().limit(n);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  private static boolean move(ObjectLocation object, Path temp) {
    try {
      Files.move(temp, object.file(), StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw StoreErrors.failed("publishing " + object.describe(), object.file(), e);
    }
  }

  private static boolean link(ObjectLocation object, Path temp) {
    try {
      Files.createLink(object.file(), temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "cannot create "
              + object.describe()
              + " atomically: the file system at "
              + object.file().getParent()
              + " does not support hard links; choose a root on a file system that does",
          e);
    } catch (IOException e) {
      throw StoreErrors.failed("publishing " + object.describe(), object.file(), e);
    }
  }

  /** Makes the new directory entry durable; not every platform can sync a directory. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The content itself is synced; the rename or link becomes durable with the next sync.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Nothing more can be done; temporary names are never listed as objects.
    }
  }
}
