package io.stowage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.PluginProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PluginRegistry#of}: the same checks without ServiceLoader, for hosts and tests. */
class PluginRegistryOfTest {
  static final class Nameless implements ObjectBackupStoreProvider {
    @Override
    public String name() {
      return " ";
    }

    @Override
    public ObjectBackupStore create(PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }

  static final class Action implements BackupItemActionProvider {
    @Override
    public String name() {
      return "example.com/action";
    }

    @Override
    public BackupItemAction create(PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void registersGivenProvidersWithTheSameChecks() {
    PluginRegistry registry = PluginRegistry.of(List.of(new Action(), new Nameless()));
    assertThat(registry.actions())
        .extracting(PluginProvider::name)
        .containsExactly("example.com/action");
    assertThat(registry.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(StandardErrorCode.PROVIDER_FAILED);
              assertThat(p.message()).contains(Nameless.class.getName(), "blank");
            });
    assertThat(registry.source()).contains("PluginRegistry.of");
  }

  @Test
  void aKindWithoutProvidersSaysNoneWereFound() {
    assertThatThrownBy(() -> PluginRegistry.of(List.of()).volumeSnapshotterOrThrow("aws"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
        .hasMessageContaining("No volume snapshotter provider is named 'aws', and none were found")
        .hasMessageContaining("@AutoService(VolumeSnapshotterProvider.class)");
  }

  @Test
  void refusesAnObjectThatIsNoProvider() {
    PluginProvider<String> stranger =
        new PluginProvider<>() {
          @Override
          public String name() {
            return "stranger";
          }

          @Override
          public String create(PluginContext context) {
            return "";
          }
        };
    assertThatThrownBy(() -> PluginRegistry.of(List.of(stranger)))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT));
  }
}
