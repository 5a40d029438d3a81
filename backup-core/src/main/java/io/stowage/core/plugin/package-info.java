/**
 * Plugin discovery: {@link io.stowage.core.plugin.PluginRegistry} finds the providers of the SPI
 * ({@link io.stowage.api.spi.ObjectBackupStoreProvider}, {@link
 * io.stowage.api.spi.BackupItemActionProvider}, {@link
 * io.stowage.api.spi.VolumeSnapshotterProvider}) with {@link java.util.ServiceLoader} and hands
 * them out by name; {@link io.stowage.core.plugin.PluginClassLoaders} builds the class loader of a
 * plugins directory.
 *
 * <p>A provider that fails to load, is built for another SPI major version, or claims a name
 * another provider also claims is reported as a {@link io.stowage.core.plugin.PluginProblem}; it
 * never hides the other providers.
 */
package io.stowage.core.plugin;
