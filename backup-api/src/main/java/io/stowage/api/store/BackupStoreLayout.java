package io.stowage.api.store;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.List;

/**
 * Velero's object-store layout for one location: keys of backups under an optional prefix.
 *
 * @param bucket the bucket, trimmed of {@code /}
 * @param prefix the prefix, trimmed of {@code /}; {@code ""} when unset
 */
public record BackupStoreLayout(String bucket, String prefix) {
  /** The top-level directories Velero accepts under a location's prefix. */
  public static final List<String> TOP_LEVEL_DIRECTORIES =
      List.of("backups", "restores", "restic", "metadata", "plugins", "kopia");

  public BackupStoreLayout {
    bucket = trimSlashes(requireNonNull(bucket, "bucket is null"));
    prefix = prefix == null ? "" : trimSlashes(prefix);
    if (bucket.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT, "backup storage location's bucket name is empty");
    }
    if (bucket.contains("/") && !bucket.startsWith("arn:aws:s3:")) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "backup storage location's bucket name \""
              + bucket
              + "\" must not contain a '/' (if using a prefix, put it in the 'Prefix' field"
              + " instead)");
    }
  }

  /** {@code "<prefix>/"}, or {@code ""} without a prefix. */
  public String root() {
    return prefix.isEmpty() ? "" : prefix + "/";
  }

  /** {@code <root>backups/}. */
  public String backupsPrefix() {
    return root() + "backups/";
  }

  /**
   * {@code <root>backups/<name>/}; the trailing slash keeps {@code foo} from matching {@code
   * foo-2}.
   */
  public String backupDirectory(String backupName) {
    return backupsPrefix() + checkName(backupName) + "/";
  }

  /** The key of one file of a backup. */
  public String key(String backupName, BackupFile file) {
    return backupDirectory(backupName) + file.fileName(backupName);
  }

  /**
   * Rejects a backup name that could escape its directory or make an ambiguous key: empty, {@code
   * .}, {@code ..}, or holding {@code /}, {@code \} or a control character.
   */
  public static String checkName(String backupName) {
    requireNonNull(backupName, "backupName is null");
    boolean bad =
        backupName.isEmpty()
            || backupName.equals(".")
            || backupName.equals("..")
            || backupName.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    if (bad) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "invalid backup name \""
              + backupName
              + "\": use a Kubernetes object name (lowercase letters, digits, '-' and '.')");
    }
    return backupName;
  }

  private static String trimSlashes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
