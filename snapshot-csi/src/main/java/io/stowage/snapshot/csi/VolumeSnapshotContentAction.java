package io.stowage.snapshot.csi;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;

/**
 * Velero's {@code velero.io/csi-volumesnapshotcontent-backupper}: a VolumeSnapshotContent's
 * snapshot-deletion Secret (annotations {@code csi.storage.k8s.io/snapshotter-secret-name} and
 * {@code -namespace}) as a must-include additional item.
 */
public final class VolumeSnapshotContentAction extends SecretReferenceAction {
  public static final String NAME = "velero.io/csi-volumesnapshotcontent-backupper";

  public VolumeSnapshotContentAction() {
    super(
        "volumesnapshotcontents.snapshot.storage.k8s.io",
        CsiNames.DELETE_SECRET_NAME,
        CsiNames.DELETE_SECRET_NAMESPACE);
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
      return new VolumeSnapshotContentAction();
    }
  }
}
