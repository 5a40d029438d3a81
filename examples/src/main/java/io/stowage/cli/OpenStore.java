package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.run.StoreResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store a {@code --store} URI names, opened through the store plugin its scheme maps to (found
 * in a {@link PluginRegistry}, so a new store is a new jar, not new code here). Close it when done.
 *
 * @param uri the URI it was opened from
 * @param store Velero's layout on that store
 */
record OpenStore(StoreUri uri, BackupStore store) implements AutoCloseable {
  OpenStore {
    requireNonNull(uri, "uri is null");
    requireNonNull(store, "store is null");
  }

  /**
   * Opens a store to read backups from, without a cluster. A {@code file://} directory must exist:
   * a mistyped path is an error, not an empty store.
   */
  static OpenStore forReading(StoreUri uri, PluginRegistry registry) {
    Optional<Path> directory = uri.localDirectory();
    if (directory.isPresent() && !Files.isDirectory(directory.get())) {
      throw new BackupException(
          StandardErrorCode.NOT_FOUND,
          "store directory " + directory.get() + " does not exist (from --store " + uri + ")");
    }
    BackupStorageLocation location =
        uri.toLocation(StoreUri.LOCATION_NAME, BackupCreateCommand.DEFAULT_NAMESPACE);
    StoreResolver resolver = new StoreResolver(registry, Optional.empty());
    return new OpenStore(uri, resolver.open(location));
  }

  /** The backup, which must exist in the store. */
  StoredBackup backup(String name) {
    if (!store.backupExists(name)) {
      throw new BackupException(
          StandardErrorCode.NOT_FOUND, "backup " + name + " not found in store " + uri);
    }
    return new StoredBackup(store, name);
  }

  @Override
  public void close() {
    store.objects().close();
  }
}
