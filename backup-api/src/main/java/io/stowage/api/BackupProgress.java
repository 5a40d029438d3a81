package io.stowage.api;

/**
 * How far a backup is, as Velero's {@code status.progress}.
 *
 * @param totalItems items collected so far plus additional items discovered while backing up
 * @param itemsBackedUp items backed up so far
 */
public record BackupProgress(int totalItems, int itemsBackedUp) {
  public BackupProgress {
    if (totalItems < 0 || itemsBackedUp < 0) {
      throw new IllegalArgumentException("progress counts must not be negative");
    }
  }
}
