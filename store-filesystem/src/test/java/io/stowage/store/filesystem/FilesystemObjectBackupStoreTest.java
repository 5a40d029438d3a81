package io.stowage.store.filesystem;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.testkit.store.ObjectBackupStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, on a fresh temporary root per test. */
class FilesystemObjectBackupStoreTest extends ObjectBackupStoreContract {
  @TempDir Path root;

  @Override
  protected ObjectBackupStore newStore() {
    return new FilesystemObjectBackupStore(root);
  }
}
