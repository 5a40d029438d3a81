package io.stowage.api.spi;

import java.util.Set;

/**
 * A plugin entry point found through {@link java.util.ServiceLoader}. Each plugin kind has its own
 * provider interface ({@link ObjectBackupStoreProvider}, {@link BackupItemActionProvider}, {@link
 * VolumeSnapshotterProvider}); implementations register with {@code @AutoService} and need a public
 * no-argument constructor.
 *
 * <p>Loading a provider must be cheap and must not fail: do the real work in {@link #create}. A
 * provider that throws while loading is reported by the registry and does not hide the others.
 *
 * @param <T> what the provider creates
 */
public interface PluginProvider<T> {
  /** The SPI major version this build of the API offers. */
  int SPI_VERSION = 1;

  /**
   * The name users select the plugin by, stable across releases. Velero-style names ({@code
   * example.com/redact}) are recommended for actions.
   */
  String name();

  /** Other names for the same plugin, such as {@code velero.io/aws} beside {@code aws}. */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * The SPI major version the plugin was built against. The registry refuses a provider whose major
   * differs from {@link #SPI_VERSION}.
   */
  default int spiVersion() {
    return SPI_VERSION;
  }

  /**
   * Creates a configured instance. May be called several times, from any thread. Throws {@link
   * io.stowage.api.BackupException} with a message naming the bad setting when the configuration is
   * wrong.
   */
  T create(PluginContext context);
}
