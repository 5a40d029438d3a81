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
import java.util.concurrent.atomic.AtomicInteger;
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
  void anExactNameWinsOverTheVeleroNamespacedPlugin() {
    Counting exact = new Counting("cloud");
    Counting namespaced = new Counting("velero.io/cloud");
    PluginRegistry both = PluginRegistry.of(List.of(namespaced, exact));

    new RegistrySnapshotterFactory(both, Optional.empty())
        .create(location("vsl", "cloud", Map.of()));

    assertThat(exact.created()).hasValue(1);
    assertThat(namespaced.created()).hasValue(0);
  }

  @Test
  void aMissingPlainNameNamesBothNamesTriedAndHowToInstall() {
    assertThatThrownBy(() -> factory().create(location("east", "disk", Map.of())))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
        .hasMessageContaining("volume snapshot location east names provider disk")
        .hasMessageContaining("VolumeSnapshotterProvider named disk or velero.io/disk")
        .hasMessageContaining("to the class path or to a plugins directory")
        .hasMessageContaining("--plugins-dir");
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

  /** A plugin of a given name that counts the snapshotters it created. */
  private record Counting(String name, AtomicInteger created) implements VolumeSnapshotterProvider {
    Counting(String name) {
      this(name, new AtomicInteger());
    }

    @Override
    public VolumeSnapshotter create(PluginContext context) {
      created.incrementAndGet();
      return new RecordingVolumeSnapshotter();
    }
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
