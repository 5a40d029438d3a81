package io.stowage.api;

import java.io.OutputStream;

/**
 * Backs up the cluster into a Velero tarball: {@code metadata/version} first, then every selected
 * item under {@code resources/...}, as Velero's {@code kubernetesBackupper} does.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Writes a complete gzip(tar) stream to {@code tarball} and flushes it; does not close it.
 *   <li>Streams: memory grows with the number of item keys, never with item bodies.
 *   <li>Problems with single items are written to {@code log} at error level and the backup goes
 *       on; a problem that stops the whole backup is reported in {@link
 *       BackupResult#failureReason()}, and the tarball is still a valid, possibly short, archive.
 *   <li>Reports progress to {@code progress} at most once a second and once at the end.
 *   <li>Thread-safe: one instance may run several backups at once.
 * </ul>
 */
public interface Backupper {
  BackupResult backup(
      Request request, OutputStream tarball, BackupLog log, ProgressListener progress);
}
