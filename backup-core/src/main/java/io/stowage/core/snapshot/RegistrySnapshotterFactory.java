package io.stowage.core.snapshot;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.spi.VolumeSnapshotterProvider;
import io.stowage.api.velero.v1.SecretKeySelector;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import io.stowage.core.plugin.CredentialFiles;
import io.stowage.core.plugin.PluginKind;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.plugin.ProviderNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Volume snapshotters from the {@link PluginRegistry}: the provider named by the location's {@code
 * spec.provider} creates one with {@code PluginContext.of(config, cluster)}, then {@link
 * VolumeSnapshotter#init} gets the same config: the location's {@code spec.config} plus, for a
 * location with {@code spec.credential}, {@code credentialsFile} naming an owner-only local file
 * that holds the referenced Secret key, as Velero passes it. (Velero resolves the credential while
 * preparing the backup; here a missing Secret surfaces when the snapshotter is first needed.)
 *
 * <p>Names follow Velero's plugin manager ({@link PluginRegistry#findByProviderName}): a provider
 * without a {@code /} that matches no provider name or alias is looked up again as {@code
 * velero.io/<provider>}, so a location with provider {@code gcp} finds a plugin registered as
 * {@code velero.io/gcp}.
 */
public final class RegistrySnapshotterFactory implements VolumeSnapshotterFactory {
  private final PluginRegistry registry;
  private final Optional<ClusterAccess> cluster;

  /**
   * @param cluster what the plugins get as {@link PluginContext#cluster()}; empty for none
   */
  public RegistrySnapshotterFactory(
      PluginRegistry registry, Optional<? extends ClusterAccess> cluster) {
    this.registry = requireNonNull(registry, "registry is null");
    this.cluster = requireNonNull(cluster, "cluster is null").map(ClusterAccess.class::cast);
  }

  @Override
  public VolumeSnapshotter create(VolumeSnapshotLocation location) {
    String name = location.getMetadata().getName();
    String provider = location.getSpec().getProvider();
    VolumeSnapshotterProvider found = provider(name, provider);
    Map<String, String> config = config(location);
    VolumeSnapshotter snapshotter;
    try {
      snapshotter = found.create(new PluginContext(config, cluster));
    } catch (RuntimeException e) {
      CredentialFiles.deleteWritten(config);
      throw notInitialised(name, provider, found, e);
    }
    if (snapshotter == null) {
      CredentialFiles.deleteWritten(config);
      throw new BackupException(
          StandardErrorCode.PROVIDER_FAILED,
          "volume snapshotter provider "
              + provider
              + " ("
              + found.getClass().getName()
              + ") returned no snapshotter for volume snapshot location "
              + name);
    }
    try {
      snapshotter.init(config);
    } catch (RuntimeException e) {
      CredentialFiles.deleteWritten(config);
      throw notInitialised(name, provider, found, e);
    }
    return snapshotter;
  }

  /** {@code spec.config}, plus {@code credentialsFile} for a location with a credential. */
  private Map<String, String> config(VolumeSnapshotLocation location) {
    Map<String, String> config = new LinkedHashMap<>(location.getSpec().getConfig());
    SecretKeySelector credential = location.getSpec().getCredential();
    if (CredentialFiles.present(credential)) {
      config.put(
          CredentialFiles.CREDENTIALS_FILE,
          CredentialFiles.write(
              cluster,
              "volume snapshot location " + location.getMetadata().getName(),
              location.getMetadata().getNamespace(),
              credential));
    }
    return config;
  }

  private VolumeSnapshotterProvider provider(String location, String provider) {
    try {
      return registry
          .findByProviderName(PluginKind.VOLUME_SNAPSHOTTER, provider)
          .orElseThrow(() -> missing(location, provider));
    } catch (BackupException e) {
      if (e.errorCode() == StandardErrorCode.NOT_FOUND) {
        throw e;
      }
      // Several providers claim the name, or its provider was refused: say which location hit it.
      throw new BackupException(
          e.errorCode(),
          "volume snapshot location "
              + location
              + " (provider "
              + provider
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private BackupException missing(String location, String provider) {
    Set<String> known = registry.names(PluginKind.VOLUME_SNAPSHOTTER);
    return new BackupException(
        StandardErrorCode.NOT_FOUND,
        "volume snapshot location "
            + location
            + " names provider "
            + provider
            + ", but no volume snapshotter plugin provides it ("
            + (known.isEmpty() ? "none are installed" : "installed: " + String.join(", ", known))
            + "); add the plugin jar that registers a VolumeSnapshotterProvider named "
            + String.join(" or ", ProviderNames.candidates(provider))
            + " to the class path or to a plugins directory (the stowage command's"
            + " --plugins-dir), or fix the location's spec.provider. Searched "
            + registry.source());
  }

  private static BackupException notInitialised(
      String location, String provider, VolumeSnapshotterProvider found, RuntimeException e) {
    return new BackupException(
        StandardErrorCode.PROVIDER_FAILED,
        "volume snapshotter for volume snapshot location "
            + location
            + " (provider "
            + provider
            + ", "
            + found.getClass().getName()
            + ") could not be initialised from its spec.config: "
            + describe(e)
            + "; fix the location's spec.config",
        e);
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
