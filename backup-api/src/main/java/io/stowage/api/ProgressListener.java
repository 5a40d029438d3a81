package io.stowage.api;

/**
 * Receives progress of one backup. The backupper calls it at most once a second while it runs and
 * once more at the end, always from one thread at a time. It must return quickly; a listener that
 * throws is logged and ignored.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> {};

  void onProgress(BackupProgress progress);
}
