package io.stowage.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StoreResolverTest {
  @Test
  void aPlainProviderFindsTheStoreRegisteredInVelerosNamespace() {
    Named namespaced = new Named("velero.io/x");
    StoreResolver resolver = new StoreResolver(PluginRegistry.of(List.of(namespaced)), none());

    BackupStore store = resolver.open(location("default", "x", "bucket-a", "/team/"));

    assertThat(store.objects()).isSameAs(namespaced.created.get());
    assertThat(store.layout().bucket()).isEqualTo("bucket-a");
    assertThat(namespaced.config.get())
        .containsEntry("bucket", "bucket-a")
        .containsEntry("prefix", "team");
  }

  @Test
  void theExactNameWinsOverTheNamespacedOne() {
    Named exact = new Named("x");
    Named namespaced = new Named("velero.io/x");
    StoreResolver resolver =
        new StoreResolver(PluginRegistry.of(List.of(namespaced, exact)), none());

    BackupStore store = resolver.open(location("default", "x", "bucket-a", ""));

    assertThat(store.objects()).isSameAs(exact.created.get());
    assertThat(namespaced.created.get()).isNull();
  }

  @Test
  void aMissingProviderNamesTheLocationBothNamesAndHowToInstall() {
    StoreResolver resolver = new StoreResolver(PluginRegistry.of(List.of(new Named("x"))), none());

    assertThatThrownBy(() -> resolver.open(location("east", "gcp", "bucket-a", "")))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
        .hasMessageStartingWith("backup storage location east (provider gcp): ")
        .hasMessageContaining("No object store provider is named 'gcp' or 'velero.io/gcp'")
        .hasMessageContaining("Known object store names: x")
        .hasMessageContaining("class path")
        .hasMessageContaining("--plugins-dir");
  }

  private static Optional<ClusterAccess> none() {
    return Optional.empty();
  }

  private static BackupStorageLocation location(
      String name, String provider, String bucket, String prefix) {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(name);
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider(provider);
    location.getSpec().setObjectStorage(new ObjectStorageLocation(bucket, prefix));
    return location;
  }

  /** A provider of a given name that remembers the store it created and the config it got. */
  private static final class Named implements ObjectBackupStoreProvider {
    private final String name;
    final AtomicReference<ObjectBackupStore> created = new AtomicReference<>();
    final AtomicReference<Map<String, String>> config = new AtomicReference<>();

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ObjectBackupStore create(PluginContext context) {
      config.set(context.config());
      ObjectBackupStore store = new InMemoryObjectBackupStore();
      created.set(store);
      return store;
    }
  }
}
