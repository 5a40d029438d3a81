package io.stowage.api.spi;

/**
 * Finds a {@link VolumeSnapshotter} through {@link java.util.ServiceLoader}. Its {@link #name()} is
 * matched against a VolumeSnapshotLocation's {@code spec.provider}.
 */
public interface VolumeSnapshotterProvider extends PluginProvider<VolumeSnapshotter> {}
