package io.stowage.examples.store;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.PluginContext;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.testkit.store.ObjectBackupStoreContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's store contract on {@link FlatDirectoryStore}, opened by name through a registry as
 * a BackupStorageLocation would open it (the provider is not registered for {@code ServiceLoader};
 * see {@link FlatDirectoryStoreProvider}).
 */
class FlatDirectoryStoreContractTest extends ObjectBackupStoreContract {
  @TempDir Path directory;

  @Override
  protected ObjectBackupStore newStore() {
    return PluginRegistry.of(List.of(new FlatDirectoryStoreProvider()))
        .storeOrThrow(FlatDirectoryStoreProvider.NAME)
        .create(PluginContext.of(Map.of("directory", directory.toString(), "bucket", bucket())));
  }
}
