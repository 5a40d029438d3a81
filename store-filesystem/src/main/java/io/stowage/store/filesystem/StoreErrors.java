package io.stowage.store.filesystem;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns I/O failures into {@link StandardErrorCode#STORE_FAILED} errors that say what to check. */
final class StoreErrors {
  private StoreErrors() {}

  /**
   * A failure of the file system while working on {@code path}.
   *
   * @param action what was being done, such as {@code "writing object backups/a/b in bucket x"}
   */
  static BackupException failed(String action, Path path, IOException cause) {
    return new BackupException(
        StandardErrorCode.STORE_FAILED,
        "error " + action + " at " + path + ": " + describe(cause) + "; " + hint(cause, path),
        cause);
  }

  /** A failure while reading the content to store, not of the store itself. */
  static BackupException sourceFailed(String bucket, String key, IOException cause) {
    return new BackupException(
        StandardErrorCode.STORE_FAILED,
        "error reading the content of object "
            + key
            + " for bucket "
            + bucket
            + ": "
            + describe(cause)
            + "; nothing was stored and any previous object is unchanged",
        cause);
  }

  /** The root or a bucket directory is a file. */
  static BackupException notADirectory(String action, Path path, IOException cause) {
    return new BackupException(
        StandardErrorCode.STORE_FAILED,
        "error "
            + action
            + ": "
            + path
            + " is a file, not a directory; the root and each bucket must be directories",
        cause);
  }

  /** An object and keys under it cannot both exist on a file system. */
  static BackupException conflict(String bucket, String key, Path path, String existing) {
    return new BackupException(
        StandardErrorCode.STORE_FAILED,
        "cannot store object "
            + key
            + " in bucket "
            + bucket
            + ": "
            + path
            + " "
            + existing
            + "; a filesystem store cannot hold an object and other keys under the same name"
            + " followed by '/'");
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    if (cause instanceof FileSystemException fileSystemException) {
      String reason = fileSystemException.getReason();
      message = fileSystemException.getFile() + (reason == null ? "" : ": " + reason);
    }
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  private static String hint(IOException cause, Path path) {
    String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof AccessDeniedException || text.contains("permission")) {
      return "check that this process may read and write " + path + " and its parent directories";
    }
    if (text.contains("no space") || text.contains("quota")) {
      return "check the free disk space and quota of the file system holding " + path;
    }
    if (text.contains("read-only")) {
      return "the file system holding " + path + " is read-only; choose a writable root";
    }
    return "check the permissions of " + path + " and the free disk space of its file system";
  }
}
