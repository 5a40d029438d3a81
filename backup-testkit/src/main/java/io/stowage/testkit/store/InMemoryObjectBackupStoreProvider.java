package io.stowage.testkit.store;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.ConfigKeys;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.util.Set;

/**
 * Provider {@code memory}: each {@link #create} returns a new, empty {@link
 * InMemoryObjectBackupStore}. Accepts only the keys Velero always passes ({@code bucket}, {@code
 * prefix}).
 */
@AutoService(ObjectBackupStoreProvider.class)
public final class InMemoryObjectBackupStoreProvider implements ObjectBackupStoreProvider {
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    ConfigKeys.requireValidStoreKeys(context.config(), Set.of());
    return new InMemoryObjectBackupStore();
  }
}
