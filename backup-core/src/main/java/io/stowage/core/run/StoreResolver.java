package io.stowage.core.run;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.api.velero.v1.SecretKeySelector;
import io.stowage.core.plugin.CredentialFiles;
import io.stowage.core.plugin.PluginKind;
import io.stowage.core.plugin.PluginRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the object store of a BackupStorageLocation: the provider named by {@code spec.provider},
 * created with Velero's config map (facts §2.8): {@code spec.config} plus {@code bucket}, {@code
 * prefix}, {@code caCert} and, for a location with {@code spec.credential}, a {@code
 * credentialsFile} holding the referenced Secret key (owner-only, deleted when the JVM exits).
 *
 * <p>The provider is found with Velero's name rule ({@link PluginRegistry#requireByProviderName}):
 * provider {@code aws} also finds a store registered as {@code velero.io/aws}, and an exact name
 * wins. Lookup and creation errors name the location.
 */
public final class StoreResolver {
  private final PluginRegistry registry;
  private final Optional<ClusterAccess> cluster;

  public StoreResolver(PluginRegistry registry, Optional<ClusterAccess> cluster) {
    this.registry = requireNonNull(registry, "registry is null");
    this.cluster = requireNonNull(cluster, "cluster is null");
  }

  /** The open store of a location; the caller closes {@link BackupStore#objects()}. */
  public BackupStore open(BackupStorageLocation location) {
    String name = location.getMetadata().getName();
    String providerName = location.getSpec().getProvider();
    if (providerName == null || providerName.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "backup storage location " + name + " has no spec.provider");
    }
    ObjectStorageLocation storage = location.getSpec().getObjectStorage();
    if (storage == null || storage.getBucket() == null || storage.getBucket().isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "backup storage location " + name + " has no spec.objectStorage.bucket");
    }
    Map<String, String> config = new HashMap<>(location.getSpec().getConfig());
    config.put("bucket", trim(storage.getBucket()));
    config.put("prefix", trim(storage.getPrefix() == null ? "" : storage.getPrefix()));
    if (storage.getCaCert() != null && storage.getCaCert().length > 0) {
      config.put("caCert", new String(storage.getCaCert(), StandardCharsets.UTF_8));
    }
    if (storage.getCaCertRef() != null) {
      config.put("caCert", secretValue(location, storage.getCaCertRef()));
    }
    ObjectBackupStoreProvider provider;
    try {
      provider = registry.requireByProviderName(PluginKind.OBJECT_STORE, providerName);
    } catch (BackupException e) {
      throw new BackupException(
          e.errorCode(),
          "backup storage location " + name + " (provider " + providerName + "): " + e.getMessage(),
          e);
    }
    SecretKeySelector credential = location.getSpec().getCredential();
    if (CredentialFiles.present(credential)) {
      config.put(
          CredentialFiles.CREDENTIALS_FILE,
          CredentialFiles.write(
              cluster, owner(location), location.getMetadata().getNamespace(), credential));
    }
    PluginContext context =
        cluster.map(c -> PluginContext.of(config, c)).orElseGet(() -> PluginContext.of(config));
    ObjectBackupStore store;
    try {
      store = provider.create(context);
    } catch (BackupException e) {
      CredentialFiles.deleteWritten(config);
      throw new BackupException(
          e.errorCode(),
          "backup storage location " + name + " (provider " + providerName + "): " + e.getMessage(),
          e);
    }
    return store.forLocation(config.get("bucket"), config.get("prefix"));
  }

  private String secretValue(BackupStorageLocation location, SecretKeySelector selector) {
    return CredentialFiles.secretValue(
        cluster, owner(location), location.getMetadata().getNamespace(), selector);
  }

  private static String owner(BackupStorageLocation location) {
    return "backup storage location " + location.getMetadata().getName();
  }

  private static String trim(String value) {
    return value.replaceAll("^/+", "").replaceAll("/+$", "");
  }
}
