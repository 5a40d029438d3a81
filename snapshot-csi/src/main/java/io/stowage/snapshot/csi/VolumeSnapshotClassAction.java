package io.stowage.snapshot.csi;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;

/**
 * Velero's {@code velero.io/csi-volumesnapshotclass-backupper}: a VolumeSnapshotClass's snapshot
 * lister Secret (annotations {@code csi.storage.k8s.io/snapshotter-list-secret-name} and {@code
 * -namespace}) as a must-include additional item.
 */
public final class VolumeSnapshotClassAction extends SecretReferenceAction {
  public static final String NAME = "velero.io/csi-volumesnapshotclass-backupper";

  public VolumeSnapshotClassAction() {
    super(
        "volumesnapshotclasses.snapshot.storage.k8s.io",
        CsiNames.LIST_SECRET_NAME,
        CsiNames.LIST_SECRET_NAMESPACE);
  }

  /** Registers {@value #NAME}. */
  @AutoService(BackupItemActionProvider.class)
  public static final class Provider implements BackupItemActionProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public BackupItemAction create(PluginContext context) {
      return new VolumeSnapshotClassAction();
    }
  }
}
