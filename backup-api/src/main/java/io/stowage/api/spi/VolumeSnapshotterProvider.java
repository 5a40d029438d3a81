package io.stowage.api.spi;

/**
 * Finds a {@link VolumeSnapshotter} through {@link java.util.ServiceLoader}. Its {@link #name()} is
 * matched against a VolumeSnapshotLocation's {@code spec.provider}; a provider without {@code /}
 * also finds {@code velero.io/<provider>}, as Velero names its plugins.
 */
public interface VolumeSnapshotterProvider extends PluginProvider<VolumeSnapshotter> {}
