package io.stowage.store.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lists the keys of one bucket directory, as an object store would.
 *
 * <p>An object is a regular file whose name does not start with {@link
 * ObjectPaths#TEMP_FILE_PREFIX}. Symbolic links inside the bucket are neither followed nor listed
 * (the bucket directory itself may be one), empty directories are invisible, and entries that
 * vanish during a walk (a concurrent delete) are skipped. Only the directory named by the prefix is
 * walked, and inside it only subtrees whose key can match. Results are sorted by key string,
 * whatever order the file system returns.
 */
final class DirectoryListing {
  private final Path bucketDirectory;
  private final Path start;

  /**
   * @param bucketDirectory the real path of the bucket's directory
   * @param start where the walk starts: the bucket directory or a directory inside it, which may
   *     not exist
   */
  private DirectoryListing(Path bucketDirectory, Path start) {
    this.bucketDirectory = bucketDirectory;
    this.start = start;
  }

  /**
   * A listing from {@code start}, the directory of the prefix's directory part (see {@link
   * ObjectPaths#prefixDirectory}), or empty when the bucket does not exist. The bucket directory is
   * resolved to its real path, so that a root or bucket that is a symbolic link lists normally.
   */
  static Optional<DirectoryListing> of(Path bucketDirectory, Path start) throws IOException {
    Path real;
    try {
      real = bucketDirectory.toRealPath();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!Files.isDirectory(real)) {
      return Optional.empty();
    }
    return Optional.of(new DirectoryListing(real, real.resolve(bucketDirectory.relativize(start))));
  }

  /** Every key starting with {@code prefix}, at any depth. */
  List<String> objects(String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    walk(
        start,
        prefix,
        key -> {
          keys.add(key);
          return true;
        });
    Collections.sort(keys);
    return keys;
  }

  /**
   * The prefixes {@code <prefix up to its last '/'><name>/} of the subdirectories of the start
   * directory whose name starts with the rest of {@code prefix} and that hold at least one object:
   * Velero's {@code ListCommonPrefixes} with delimiter {@code /}.
   */
  List<String> commonPrefixes(String prefix) throws IOException {
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    String directoryPart = ObjectPaths.directoryPart(prefix);
    String namePart = prefix.substring(directoryPart.length());
    TreeSet<String> prefixes = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(start)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(namePart)
            && !ObjectPaths.isTempName(entry)
            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
            && holdsAnObject(entry)) {
          prefixes.add(directoryPart + name + "/");
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    return new ArrayList<>(prefixes);
  }

  private boolean holdsAnObject(Path directory) throws IOException {
    boolean[] found = {false};
    walk(
        directory,
        "",
        key -> {
          found[0] = true;
          return false;
        });
    return found[0];
  }

  /** Receives keys during a walk; answers whether to go on. */
  @FunctionalInterface
  private interface KeyConsumer {
    boolean accept(String key);
  }

  private void walk(Path from, String prefix, KeyConsumer consumer) throws IOException {
    if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        from,
        EnumSet.noneOf(FileVisitOption.class),
        Integer.MAX_VALUE,
        new PrefixVisitor(from, prefix, consumer));
  }

  /** Visits only what can hold keys starting with the prefix. */
  private final class PrefixVisitor implements FileVisitor<Path> {
    private final Path from;
    private final String prefix;
    private final KeyConsumer consumer;

    PrefixVisitor(Path from, String prefix, KeyConsumer consumer) {
      this.from = from;
      this.prefix = prefix;
      this.consumer = consumer;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
      if (directory.equals(from)) {
        return FileVisitResult.CONTINUE;
      }
      if (ObjectPaths.isTempName(directory)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      String key = ObjectPaths.keyOf(bucketDirectory, directory) + "/";
      boolean canMatch = key.startsWith(prefix) || prefix.startsWith(key);
      return canMatch ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      if (!attributes.isRegularFile() || ObjectPaths.isTempName(file)) {
        return FileVisitResult.CONTINUE;
      }
      String key = ObjectPaths.keyOf(bucketDirectory, file);
      if (key.startsWith(prefix) && !consumer.accept(key)) {
        return FileVisitResult.TERMINATE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
      if (failure instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw failure;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path directory, IOException failure)
        throws IOException {
      if (failure != null && !(failure instanceof NoSuchFileException)) {
        throw failure;
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
