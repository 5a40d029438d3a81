package io.stowage.api.store;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Velero's persistence operations on one location of an {@link ObjectBackupStore}: list, check,
 * read, write and delete whole backups in Velero's key layout.
 *
 * <p>A backup exists exactly when its {@code velero-backup.json} exists, as in Velero. {@link
 * #putBackup} writes that file last and only if absent, so a half-written backup is never visible
 * and an existing one is never overwritten.
 */
public final class BackupStore {
  /** How long Velero's download URLs live. */
  public static final Duration DOWNLOAD_URL_TTL = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(BackupStore.class);

  private final ObjectBackupStore objects;
  private final BackupStoreLayout layout;

  public BackupStore(ObjectBackupStore objects, String bucket, String prefix) {
    this.objects = requireNonNull(objects, "objects is null");
    this.layout = new BackupStoreLayout(bucket, prefix);
  }

  public BackupStoreLayout layout() {
    return layout;
  }

  public ObjectBackupStore objects() {
    return objects;
  }

  /**
   * Top-level directories under the prefix that Velero does not know; Velero marks a location
   * holding any of them Unavailable. Empty when the location is valid.
   */
  public List<String> invalidTopLevelDirectories() {
    List<String> invalid = new ArrayList<>();
    String root = layout.root();
    for (String prefix : objects.listCommonPrefixes(layout.bucket(), root, "/")) {
      String directory = prefix.substring(root.length());
      if (directory.endsWith("/")) {
        directory = directory.substring(0, directory.length() - 1);
      }
      if (!BackupStoreLayout.TOP_LEVEL_DIRECTORIES.contains(directory)) {
        invalid.add(directory);
      }
    }
    return invalid;
  }

  /** Names of the backups under {@code backups/}, sorted. */
  public List<String> listBackups() {
    String backups = layout.backupsPrefix();
    List<String> names = new ArrayList<>();
    for (String prefix : objects.listCommonPrefixes(layout.bucket(), backups, "/")) {
      String name = prefix.substring(backups.length());
      if (name.endsWith("/")) {
        name = name.substring(0, name.length() - 1);
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** {@code true} when the backup's {@code velero-backup.json} exists. */
  public boolean backupExists(String name) {
    return objects.objectExists(layout.bucket(), layout.key(name, BackupFile.METADATA));
  }

  /** Reads {@code velero-backup.json}. */
  public Backup getBackupMetadata(String name) {
    try (InputStream in = get(name, BackupFile.METADATA)) {
      return VeleroJson.readBackup(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens one file of a backup; throws {@link ObjectNotFoundException} when it is missing. */
  public InputStream get(String name, BackupFile file) {
    return objects.getObject(layout.bucket(), layout.key(name, file));
  }

  /** Opens one file of a backup, or empty when it is missing (as Velero's {@code tryGet}). */
  public Optional<InputStream> tryGet(String name, BackupFile file) {
    String key = layout.key(name, file);
    if (!objects.objectExists(layout.bucket(), key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(objects.getObject(layout.bucket(), key));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a backup. {@code files} must hold {@link BackupFile#METADATA} and {@link
   * BackupFile#CONTENTS}. Order: the log (best effort: a failure is logged and ignored), the
   * tarball, the other files, then the metadata, only if absent.
   *
   * <p>On any failure the objects written so far, the log included, are deleted again and a {@link
   * BackupException} says what failed; when the metadata already exists the error is {@link
   * StandardErrorCode#ALREADY_EXISTS}.
   */
  public void putBackup(String name, Map<BackupFile, ContentSource> files) {
    requireNonNull(files, "files is null");
    if (!files.containsKey(BackupFile.METADATA) || !files.containsKey(BackupFile.CONTENTS)) {
      throw new IllegalArgumentException("a backup needs at least its metadata and its tarball");
    }
    if (backupExists(name)) {
      throw alreadyExists(name);
    }
    Map<BackupFile, ContentSource> rest = new EnumMap<>(files);
    ContentSource log = rest.remove(BackupFile.LOG);
    ContentSource metadata = rest.remove(BackupFile.METADATA);
    List<String> written = new ArrayList<>();
    if (log != null) {
      try {
        upload(name, BackupFile.LOG, log);
        written.add(layout.key(name, BackupFile.LOG));
      } catch (RuntimeException e) {
        LOG.warn("could not upload the log of backup {}: {}", name, e.getMessage());
      }
    }
    try {
      for (Map.Entry<BackupFile, ContentSource> entry : rest.entrySet()) {
        upload(name, entry.getKey(), entry.getValue());
        written.add(layout.key(name, entry.getKey()));
      }
      boolean created;
      try (InputStream in = metadata.open()) {
        created =
            objects.putObjectIfAbsent(layout.bucket(), layout.key(name, BackupFile.METADATA), in);
      }
      if (!created) {
        throw alreadyExists(name);
      }
    } catch (IOException | RuntimeException e) {
      for (String key : written) {
        try {
          objects.deleteObject(layout.bucket(), key);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      if (e instanceof BackupException backupException) {
        throw backupException;
      }
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "error persisting backup " + name + " to bucket " + layout.bucket() + ": " + e,
          e);
    }
  }

  /**
   * Deletes every object under {@code backups/<name>/}; errors are collected and thrown at the end.
   */
  public void deleteBackup(String name) {
    List<String> failures = new ArrayList<>();
    for (String key : objects.listObjects(layout.bucket(), layout.backupDirectory(name))) {
      try {
        objects.deleteObject(layout.bucket(), key);
      } catch (RuntimeException e) {
        failures.add(key + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "error deleting backup " + name + ": " + String.join("; ", failures));
    }
  }

  /** A signed URL for one file of a backup, valid for {@link #DOWNLOAD_URL_TTL}. */
  public URI downloadUrl(String name, BackupFile file) {
    return objects.createSignedUrl(layout.bucket(), layout.key(name, file), DOWNLOAD_URL_TTL);
  }

  private void upload(String name, BackupFile file, ContentSource source) {
    try (InputStream in = source.open()) {
      objects.putObject(layout.bucket(), layout.key(name, file), in);
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "error reading " + file.fileName(name) + " for upload: " + e.getMessage(),
          e);
    }
  }

  private BackupException alreadyExists(String name) {
    return new BackupException(
        StandardErrorCode.ALREADY_EXISTS,
        "backup already exists in object storage: "
            + layout.key(name, BackupFile.METADATA)
            + " in bucket "
            + layout.bucket()
            + "; choose another backup name or delete the existing backup first");
  }
}
