package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginProvider;
import io.stowage.api.spi.VolumeSnapshotterProvider;
import java.util.List;

/**
 * One kind of plugin: the provider interface {@link java.util.ServiceLoader} looks for and the
 * words used for it in messages. The set of kinds is closed; use the constants.
 *
 * @param <P> the provider interface
 */
public final class PluginKind<P extends PluginProvider<?>> {
  /** Object stores, selected by a BackupStorageLocation's {@code spec.provider}. */
  public static final PluginKind<ObjectBackupStoreProvider> OBJECT_STORE =
      new PluginKind<>(ObjectBackupStoreProvider.class, "object store");

  /** Backup item actions; every one that loads runs on the items it selects. */
  public static final PluginKind<BackupItemActionProvider> BACKUP_ITEM_ACTION =
      new PluginKind<>(BackupItemActionProvider.class, "backup item action");

  /** Volume snapshotters, selected by a VolumeSnapshotLocation's {@code spec.provider}. */
  public static final PluginKind<VolumeSnapshotterProvider> VOLUME_SNAPSHOTTER =
      new PluginKind<>(VolumeSnapshotterProvider.class, "volume snapshotter");

  private static final List<PluginKind<?>> ALL =
      List.of(OBJECT_STORE, BACKUP_ITEM_ACTION, VOLUME_SNAPSHOTTER);

  private final Class<P> providerType;
  private final String displayName;

  private PluginKind(Class<P> providerType, String displayName) {
    this.providerType = requireNonNull(providerType, "providerType is null");
    this.displayName = requireNonNull(displayName, "displayName is null");
  }

  /** Every kind, in a fixed order. */
  public static List<PluginKind<?>> all() {
    return ALL;
  }

  /** The interface providers of this kind implement and register under. */
  public Class<P> providerType() {
    return providerType;
  }

  /** Lower-case words for messages, such as {@code object store}. */
  public String displayName() {
    return displayName;
  }

  /** The resource that lists providers of this kind: {@code META-INF/services/<interface>}. */
  public String servicesFile() {
    return "META-INF/services/" + providerType.getName();
  }

  @Override
  public String toString() {
    return displayName;
  }
}
