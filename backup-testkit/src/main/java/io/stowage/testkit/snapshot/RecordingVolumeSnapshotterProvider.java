package io.stowage.testkit.snapshot;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.spi.VolumeSnapshotterProvider;

/**
 * Provider {@value #NAME}: a VolumeSnapshotLocation with this {@code spec.provider} gets a new
 * {@link RecordingVolumeSnapshotter}; the engine then calls its {@code init} with the location's
 * {@code spec.config}. Registered with {@code @AutoService}, so having backup-testkit on the class
 * path is enough.
 */
@AutoService(VolumeSnapshotterProvider.class)
public final class RecordingVolumeSnapshotterProvider implements VolumeSnapshotterProvider {
  public static final String NAME = "stowage.io/testkit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VolumeSnapshotter create(PluginContext context) {
    return new RecordingVolumeSnapshotter();
  }
}
