package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.spi.VolumeSnapshotterProvider;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.testkit.snapshot.RecordingVolumeSnapshotter;
import io.stowage.testkit.snapshot.RecordingVolumeSnapshotterProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrySnapshotterFactoryTest {
  private final PluginRegistry registry =
      PluginRegistry.of(List.of(new RecordingVolumeSnapshotterProvider(), new VeleroNamed()));

  @Test
  void createsThroughTheProviderAndInitialisesWithTheLocationConfig() {
    VolumeSnapshotter snapshotter =
        factory().create(location("vsl", "stowage.io/testkit", Map.of("ledger", "factory-test")));

    assertThat(snapshotter).isInstanceOf(RecordingVolumeSnapshotter.class);
    assertThat(((RecordingVolumeSnapshotter) snapshotter).ledger().name())
        .isEqualTo("factory-test");
  }

  @Test
  void aProviderWithoutSlashAlsoFindsTheVeleroNamespacedPlugin() {
    VolumeSnapshotter snapshotter = factory().create(location("vsl", "cloud", Map.of()));

    assertThat(snapshotter).isInstanceOf(RecordingVolumeSnapshotter.class);
  }

  @Test
  void aMissingPluginNamesTheLocationTheProviderAndWhatToInstall() {
    assertThatThrownBy(() -> factory().create(location("east", "example.com/disk", Map.of())))
        .isInstanceOf(BackupException.class)
        .matches(e -> ((BackupException) e).errorCode() == StandardErrorCode.NOT_FOUND)
        .hasMessageContaining("volume snapshot location east names provider example.com/disk")
        .hasMessageContaining("installed: stowage.io/testkit, velero.io/cloud")
        .hasMessageContaining(
            "add the plugin jar that registers a VolumeSnapshotterProvider named"
                + " example.com/disk");
  }

  @Test
  void aFailingInitNamesTheLocationAndTheSettingToFix() {
    assertThatThrownBy(
            () -> factory().create(location("east", "stowage.io/testkit", Map.of("regoin", "x"))))
        .isInstanceOf(BackupException.class)
        .matches(e -> ((BackupException) e).errorCode() == StandardErrorCode.PROVIDER_FAILED)
        .hasMessageContaining("volume snapshot location east (provider stowage.io/testkit")
        .hasMessageContaining("config has invalid keys [regoin]")
        .hasMessageEndingWith("fix the location's spec.config");
  }

  private RegistrySnapshotterFactory factory() {
    return new RegistrySnapshotterFactory(registry, Optional.empty());
  }

  private static VolumeSnapshotLocation location(
      String name, String provider, Map<String, String> config) {
    VolumeSnapshotLocation location = new VolumeSnapshotLocation();
    location.getMetadata().setName(name);
    location.getSpec().setProvider(provider);
    location.getSpec().setConfig(config);
    return location;
  }

  /** A plugin registered under Velero's namespaced name only. */
  public static final class VeleroNamed implements VolumeSnapshotterProvider {
    @Override
    public String name() {
      return "velero.io/cloud";
    }

    @Override
    public VolumeSnapshotter create(PluginContext context) {
      return new RecordingVolumeSnapshotter();
    }
  }
}
