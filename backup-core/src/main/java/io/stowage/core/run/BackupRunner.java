package io.stowage.core.run;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.BackupResult;
import io.stowage.api.Backupper;
import io.stowage.api.ProgressListener;
import io.stowage.api.Request;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.store.ContentSource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupProgress;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.HookStatus;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.log.BackupLogWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Velero's {@code runBackup} and {@code persistBackup}: runs a prepared request through a {@link
 * Backupper} into a temporary tarball with a counting backup log, decides the phase, and persists
 * everything to the store with the metadata written last. Never throws for a backup that goes
 * wrong: the outcome's Backup says Failed and why.
 *
 * <p>Temporary files are owner-only (backups contain Secrets) and deleted at the end.
 */
public final class BackupRunner {
  private final Backupper backupper;
  private final Clock clock;
  private final Path workDirectory;

  /**
   * @param workDirectory where temporary tarballs and logs go; {@code null} for the JVM's default
   */
  public BackupRunner(Backupper backupper, Clock clock, Path workDirectory) {
    this.backupper = requireNonNull(backupper, "backupper is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.workDirectory = workDirectory;
  }

  /**
   * Runs and persists one backup.
   *
   * @param request a request that passed preparation
   * @param store the backup layout of the request's storage location
   * @param progress told about progress while the backup runs
   */
  public RunOutcome run(Request request, BackupStore store, ProgressListener progress) {
    Backup backup = VeleroJson.deepCopy(request.backup());
    BackupStatus status = backup.getStatus();
    String name = backup.getMetadata().getName();
    status.setPhase(BackupPhase.IN_PROGRESS);
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(clock.instant());
    }
    Path logFile = null;
    Path tarball = null;
    try {
      logFile = tempFile(name + "-logs", ".gz");
      tarball = tempFile(name, ".tar.gz");
      BackupLogWriter log =
          new BackupLogWriter(
              Files.newOutputStream(logFile), namespaceOf(backup) + "/" + name, clock);
      try {
        if (alreadyInStore(store, name, backup, log)) {
          log.close();
          return new RunOutcome(backup, null, 0);
        }
        Request running =
            new Request(backup, request.storageLocation(), request.snapshotLocations());
        BackupResult result = runBackupper(running, tarball, log, progress);
        log.info("Backed up a total of " + result.itemsBackedUp() + " items");
        applyResult(status, result, log);
        log.close();
        persist(store, backup, result, tarball, logFile, log);
        return new RunOutcome(backup, result, Files.size(tarball));
      } finally {
        log.close();
      }
    } catch (IOException e) {
      fail(status, "error preparing local files for the backup: " + e.getMessage());
      return new RunOutcome(backup, null, 0);
    } finally {
      deleteQuietly(tarball);
      deleteQuietly(logFile);
    }
  }

  private boolean alreadyInStore(
      BackupStore store, String name, Backup backup, BackupLogWriter log) {
    try {
      if (!store.backupExists(name)) {
        return false;
      }
      fail(backup.getStatus(), "backup already exists in object storage");
    } catch (RuntimeException e) {
      fail(
          backup.getStatus(),
          "error checking if backup already exists in object storage: " + e.getMessage());
    }
    // Velero sets the completion time of a backup it refuses here (runBackup).
    backup.getStatus().setCompletionTimestamp(clock.instant());
    log.error(backup.getStatus().getFailureReason(), null);
    return true;
  }

  private BackupResult runBackupper(
      Request request, Path tarball, BackupLogWriter log, ProgressListener progress)
      throws IOException {
    ProgressListener tracking =
        p -> {
          request
              .backup()
              .getStatus()
              .setProgress(new BackupProgress(p.totalItems(), p.itemsBackedUp()));
          progress.onProgress(p);
        };
    try (OutputStream out = Files.newOutputStream(tarball)) {
      return backupper.backup(request, out, log, tracking);
    } catch (RuntimeException e) {
      log.error("backup failed: " + e.getMessage(), e);
      return BackupResult.failedBeforeStart(describe(e));
    }
  }

  private void applyResult(BackupStatus status, BackupResult result, BackupLogWriter log) {
    status.setProgress(new BackupProgress(result.itemsBackedUp(), result.itemsBackedUp()));
    status.setVolumeSnapshotsAttempted(result.volumeSnapshots().size());
    status.setVolumeSnapshotsCompleted((int) result.volumeSnapshotsCompleted());
    status.setCsiVolumeSnapshotsAttempted(result.csiVolumeSnapshotsAttempted());
    status.setCsiVolumeSnapshotsCompleted(result.csiVolumeSnapshotsCompleted());
    if (result.hooksAttempted() > 0) {
      HookStatus hooks = new HookStatus();
      hooks.setHooksAttempted(result.hooksAttempted());
      hooks.setHooksFailed(result.hooksFailed());
      status.setHookStatus(hooks);
    }
    status.setWarnings(log.warnings());
    status.setErrors(log.errors());
    status.setCompletionTimestamp(clock.instant());
    if (result.failed()) {
      status.setPhase(BackupPhase.FAILED);
      status.setFailureReason(result.failureReason());
    } else if (log.errors() > 0) {
      status.setPhase(BackupPhase.PARTIALLY_FAILED);
    } else {
      status.setPhase(BackupPhase.COMPLETED);
    }
  }

  private void persist(
      BackupStore store,
      Backup backup,
      BackupResult result,
      Path tarball,
      Path logFile,
      BackupLogWriter log) {
    Map<BackupFile, ContentSource> files = new EnumMap<>(BackupFile.class);
    byte[] metadata = VeleroJson.writeBackupPretty(backup);
    files.put(BackupFile.METADATA, () -> new ByteArrayInputStream(metadata));
    files.put(BackupFile.CONTENTS, () -> Files.newInputStream(tarball));
    files.put(BackupFile.LOG, () -> Files.newInputStream(logFile));
    files.put(BackupFile.RESOURCE_LIST, bytes(SideFiles.resourceList(result)));
    files.put(BackupFile.RESULTS, bytes(SideFiles.results(log.results().toJson())));
    files.put(BackupFile.VOLUME_SNAPSHOTS, bytes(SideFiles.volumeSnapshots(result)));
    files.put(BackupFile.POD_VOLUME_BACKUPS, bytes(SideFiles.nullList()));
    files.put(BackupFile.ITEM_OPERATIONS, bytes(SideFiles.emptyList()));
    files.put(BackupFile.VOLUME_INFO, bytes(SideFiles.volumeInfos(result)));
    // Velero wrote these three up to v1.16 and still reads them; null when there are none.
    files.put(BackupFile.CSI_VOLUME_SNAPSHOTS, bytes(SideFiles.list(result.csiVolumeSnapshots())));
    files.put(
        BackupFile.CSI_VOLUME_SNAPSHOT_CONTENTS,
        bytes(SideFiles.list(result.csiVolumeSnapshotContents())));
    files.put(
        BackupFile.CSI_VOLUME_SNAPSHOT_CLASSES,
        bytes(SideFiles.list(result.csiVolumeSnapshotClasses())));
    try {
      store.putBackup(backup.getMetadata().getName(), files);
    } catch (RuntimeException e) {
      fail(backup.getStatus(), "error persisting backup: " + describe(e));
      backup.getStatus().setCompletionTimestamp(clock.instant());
    }
  }

  private static ContentSource bytes(byte[] content) {
    return () -> new ByteArrayInputStream(content);
  }

  private static void fail(BackupStatus status, String reason) {
    status.setPhase(BackupPhase.FAILED);
    status.setFailureReason(reason);
  }

  private static String describe(RuntimeException e) {
    if (e instanceof BackupException || e.getMessage() != null) {
      return e.getMessage();
    }
    return e.toString();
  }

  private Path tempFile(String prefix, String suffix) throws IOException {
    String safePrefix = prefix.replaceAll("[^A-Za-z0-9._-]", "_");
    Path directory =
        workDirectory != null ? workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(directory);
    try {
      return Files.createTempFile(
          directory,
          "stowage-" + safePrefix + "-",
          suffix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(directory, "stowage-" + safePrefix + "-", suffix);
    }
  }

  private static String namespaceOf(Backup backup) {
    String namespace = backup.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? "velero" : namespace;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary file " + file, e);
    }
  }
}
