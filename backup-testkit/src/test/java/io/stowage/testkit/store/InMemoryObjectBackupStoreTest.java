package io.stowage.testkit.store;

import io.stowage.api.spi.ObjectBackupStore;

class InMemoryObjectBackupStoreTest extends ObjectBackupStoreContract {
  @Override
  protected ObjectBackupStore newStore() {
    return new InMemoryObjectBackupStore();
  }
}
