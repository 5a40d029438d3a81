package io.stowage.api.spi;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What a plugin gets when it is created.
 *
 * @param config the plugin's settings. For an object store, a copy of the BackupStorageLocation's
 *     {@code spec.config} plus {@code bucket}, {@code prefix} and, where set, {@code caCert} and
 *     {@code credentialsFile}, exactly as Velero passes them to {@code ObjectStore.Init}. For a
 *     volume snapshotter, the VolumeSnapshotLocation's {@code spec.config}.
 * @param cluster access to the cluster being backed up, when there is one (a store used from the
 *     command line without a cluster gets none)
 */
public record PluginContext(Map<String, String> config, Optional<ClusterAccess> cluster) {
  public PluginContext {
    config = Map.copyOf(requireNonNull(config, "config is null"));
    requireNonNull(cluster, "cluster is null");
  }

  public static PluginContext of(Map<String, String> config) {
    return new PluginContext(config, Optional.empty());
  }

  public static PluginContext of(Map<String, String> config, ClusterAccess cluster) {
    return new PluginContext(config, Optional.of(cluster));
  }

  /** The value of one setting, or empty when unset or blank. */
  public Optional<String> setting(String key) {
    String value = config.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
