package io.stowage.api.spi;

/**
 * Finds an {@link ObjectBackupStore} through {@link java.util.ServiceLoader}. Its {@link #name()}
 * (or an alias) is matched against a BackupStorageLocation's {@code spec.provider}; a provider
 * without {@code /} also finds {@code velero.io/<provider>}, as Velero names its plugins. {@link
 * #create} validates the configuration and rejects unknown keys with the list of valid ones, as
 * Velero does.
 */
public interface ObjectBackupStoreProvider extends PluginProvider<ObjectBackupStore> {}
