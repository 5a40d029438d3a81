package io.stowage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Velero's rule for a location's {@code spec.provider}, and the registry lookups that use it. */
class ProviderNamesTest {
  @Test
  void aPlainNameIsTriedAsItIsThenInVelerosNamespace() {
    assertThat(ProviderNames.candidates("aws")).containsExactly("aws", "velero.io/aws");
    assertThat(ProviderNames.candidates("example.com/disk")).containsExactly("example.com/disk");
    assertThat(ProviderNames.candidates("velero.io/aws")).containsExactly("velero.io/aws");
  }

  @Test
  void aStoreRegisteredOnlyInVelerosNamespaceIsFoundByItsPlainName() {
    Store namespaced = new Store("velero.io/x");
    PluginRegistry registry = PluginRegistry.of(List.of(namespaced));

    assertThat(registry.findByProviderName(PluginKind.OBJECT_STORE, "x")).containsSame(namespaced);
    assertThat(registry.findByProviderName(PluginKind.OBJECT_STORE, "velero.io/x"))
        .containsSame(namespaced);
    assertThat(registry.store("x")).as("exact lookups stay exact").isEmpty();
  }

  @Test
  void theExactNameWinsOverTheNamespacedOne() {
    Store exact = new Store("x");
    Store namespaced = new Store("velero.io/x");
    PluginRegistry registry = PluginRegistry.of(List.of(namespaced, exact));

    assertThat(registry.requireByProviderName(PluginKind.OBJECT_STORE, "x")).isSameAs(exact);
    assertThat(registry.requireByProviderName(PluginKind.OBJECT_STORE, "velero.io/x"))
        .isSameAs(namespaced);
  }

  @Test
  void aNameWithANamespaceIsNotPrefixed() {
    PluginRegistry registry = PluginRegistry.of(List.of(new Store("velero.io/example.com/x")));

    assertThat(registry.findByProviderName(PluginKind.OBJECT_STORE, "example.com/x")).isEmpty();
  }

  @Test
  void aConflictOnTheExactNameIsReportedNotSkipped() {
    PluginRegistry registry =
        PluginRegistry.of(List.of(new Store("x"), new Store("x"), new Store("velero.io/x")));

    assertThatThrownBy(() -> registry.findByProviderName(PluginKind.OBJECT_STORE, "x"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.DUPLICATE_PROVIDER))
        .hasMessageContaining("claim the name 'x'");
  }

  @Test
  void nothingFoundNamesBothNamesTriedAndHowToInstallAPlugin() {
    PluginRegistry registry = PluginRegistry.of(List.of(new Store("memory")));

    assertThatThrownBy(() -> registry.requireByProviderName(PluginKind.OBJECT_STORE, "gcp"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
        .hasMessageContaining("No object store provider is named 'gcp' or 'velero.io/gcp'.")
        .hasMessageContaining("Known object store names: memory")
        .hasMessageContaining("put its jar on the class path or in a plugins directory")
        .hasMessageContaining("--plugins-dir");
    assertThatThrownBy(
            () -> registry.requireByProviderName(PluginKind.OBJECT_STORE, "example.com/gcp"))
        .hasMessageContaining("No object store provider is named 'example.com/gcp'.");
  }

  /** A store provider of a given name; never asked to create. */
  private record Store(String name) implements ObjectBackupStoreProvider {
    @Override
    public ObjectBackupStore create(PluginContext context) {
      throw new UnsupportedOperationException("not created in these tests");
    }
  }
}
