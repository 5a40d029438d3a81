package io.stowage.cli;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/** One backup in a store and the files beside its metadata, read as Velero's tools read them. */
final class StoredBackup {
  private final BackupStore store;
  private final String name;

  StoredBackup(BackupStore store, String name) {
    this.store = store;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** {@code velero-backup.json}. */
  Backup metadata() {
    return store.getBackupMetadata(name);
  }

  /** A gzipped JSON side file, such as the resource list; empty when the file is absent. */
  Optional<JsonNode> json(BackupFile file) {
    return readGzipped(file, in -> VeleroJson.mapper().readTree(in));
  }

  /** {@code -volumesnapshots.json.gz}; empty when absent or {@code null}. */
  List<NativeVolumeSnapshot> volumeSnapshots() {
    return readGzipped(BackupFile.VOLUME_SNAPSHOTS, VeleroJson::readVolumeSnapshots)
        .orElse(List.of());
  }

  /**
   * {@code -volumeinfo.json.gz}; empty when the file is absent (a backup made before Velero 1.13,
   * whose describe falls back to the snapshot lists).
   */
  Optional<List<BackupVolumeInfo>> volumeInfos() {
    return readGzipped(BackupFile.VOLUME_INFO, VeleroJson::readVolumeInfos);
  }

  /**
   * The stored file's contents as stored (a tarball or gzip stays compressed).
   *
   * @throws BackupException {@link StandardErrorCode#OBJECT_NOT_FOUND} when the file is absent
   */
  InputStream open(BackupFile file) {
    return store
        .tryGet(name, file)
        .orElseThrow(
            () ->
                new BackupException(
                    StandardErrorCode.OBJECT_NOT_FOUND,
                    "backup " + name + " has no " + file.fileName(name) + " in the store"));
  }

  /** What a reader makes of a gzipped file, gunzipped; empty when the file is absent. */
  private <T> Optional<T> readGzipped(BackupFile file, GzippedReader<T> reader) {
    Optional<InputStream> stored = store.tryGet(name, file);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = new GZIPInputStream(stored.get())) {
      return Optional.ofNullable(reader.read(in));
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  @FunctionalInterface
  private interface GzippedReader<T> {
    T read(InputStream in) throws IOException;
  }

  /**
   * Writes a gzipped text file, gunzipped, to {@code out}.
   *
   * @throws BackupException {@link StandardErrorCode#OBJECT_NOT_FOUND} when the file is absent
   */
  void copyText(BackupFile file, Writer out) {
    try (Reader in =
        new InputStreamReader(new GZIPInputStream(open(file)), StandardCharsets.UTF_8)) {
      in.transferTo(out);
      out.flush();
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private UncheckedIOException unreadable(BackupFile file, IOException e) {
    return new UncheckedIOException(
        new IOException("cannot read " + file.fileName(name) + ": " + e.getMessage(), e));
  }
}
