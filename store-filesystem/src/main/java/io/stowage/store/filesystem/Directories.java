package io.stowage.store.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.Optional;

/** Directory chores of the store: finding what blocks a path, and tidying up after deletes. */
final class Directories {
  private Directories() {}

  /**
   * The existing ancestor of {@code path}, up to and including {@code root}, that is not a
   * directory: the file that keeps {@code path} from existing. Empty when there is none.
   */
  static Optional<Path> nonDirectoryAncestor(Path path, Path root) {
    for (Path parent = path.getParent();
        parent != null && parent.startsWith(root);
        parent = parent.getParent()) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        return Optional.of(parent);
      }
    }
    return Optional.empty();
  }

  /**
   * Removes the directories between {@code path} and {@code bucketDirectory} while they are empty,
   * deepest first; the bucket directory stays. Best effort: a directory that cannot be removed,
   * because it is not empty or for any other reason, ends the climb. Only directories are ever
   * removed, never a file that took a directory's place.
   */
  static void removeEmptyParents(Path path, Path bucketDirectory) {
    for (Path directory = path.getParent();
        directory != null
            && directory.startsWith(bucketDirectory)
            && !directory.equals(bucketDirectory);
        directory = directory.getParent()) {
      try {
        removeEmptyDirectory(directory);
      } catch (NoSuchFileException e) {
        // Removed by a concurrent delete; its parent may be empty now too.
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * {@code rmdir}: where the platform offers a {@link SecureDirectoryStream} (Linux, macOS) the
   * removal fails on anything but an empty directory. Elsewhere the type is checked first, which
   * leaves a short window in which a file that replaced the directory could be removed.
   */
  private static void removeEmptyDirectory(Path directory) throws IOException {
    try (DirectoryStream<Path> parent = Files.newDirectoryStream(directory.getParent())) {
      if (parent instanceof SecureDirectoryStream<Path> secure) {
        secure.deleteDirectory(directory.getFileName());
        return;
      }
    }
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotDirectoryException(directory.toString());
    }
    Files.delete(directory);
  }
}
