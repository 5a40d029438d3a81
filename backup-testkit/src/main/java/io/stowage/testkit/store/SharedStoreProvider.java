package io.stowage.testkit.store;

import static java.util.Objects.requireNonNull;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;

/**
 * A store provider that hands out one given store, whatever the location's config, so that a test
 * can read what a backup wrote through the same instance. Register it with {@code
 * PluginRegistry.of(...)} and name {@link #NAME} as the location's {@code spec.provider}; it is not
 * registered for {@link java.util.ServiceLoader}.
 *
 * @param store the store every {@link #create} answers
 */
public record SharedStoreProvider(ObjectBackupStore store) implements ObjectBackupStoreProvider {
  /** The provider name a location names to get {@link #store}. */
  public static final String NAME = "shared-memory";

  public SharedStoreProvider {
    requireNonNull(store, "store is null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    return store;
  }
}
