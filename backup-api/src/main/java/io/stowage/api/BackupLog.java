package io.stowage.api;

/**
 * The log of one backup, the one that ends up gzipped in the store beside the tarball. Every
 * warning and error written here is counted into {@code status.warnings} and {@code status.errors};
 * any error makes the backup PartiallyFailed, as in Velero. Plugins write here too, so their
 * problems count.
 *
 * <p>Entries about one item name it, so that they land under its namespace (or "cluster") in the
 * backup's results file. Implementations are thread-safe.
 */
public interface BackupLog {
  /** Writes one entry. {@code item} and {@code error} may be null. */
  void log(Level level, ResourceIdentifier item, String message, Throwable error);

  default void info(String message) {
    log(Level.INFO, null, message, null);
  }

  default void info(ResourceIdentifier item, String message) {
    log(Level.INFO, item, message, null);
  }

  default void warn(String message) {
    log(Level.WARN, null, message, null);
  }

  default void warn(ResourceIdentifier item, String message) {
    log(Level.WARN, item, message, null);
  }

  default void error(String message, Throwable error) {
    log(Level.ERROR, null, message, error);
  }

  default void error(ResourceIdentifier item, String message, Throwable error) {
    log(Level.ERROR, item, message, error);
  }

  /** Log levels; only WARN and ERROR are counted. */
  enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }
}
