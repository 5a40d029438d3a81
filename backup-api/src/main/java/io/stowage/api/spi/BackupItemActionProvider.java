package io.stowage.api.spi;

/** Finds a {@link BackupItemAction} through {@link java.util.ServiceLoader}. */
public interface BackupItemActionProvider extends PluginProvider<BackupItemAction> {}
