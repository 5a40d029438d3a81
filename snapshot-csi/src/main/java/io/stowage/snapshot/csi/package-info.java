/**
 * CSI snapshots of PVCs as backup item actions, Velero's CSI plugin (velero-facts §6.11), found
 * through {@link java.util.ServiceLoader}: {@link io.stowage.snapshot.csi.PvcSnapshotAction}
 * ({@code velero.io/csi-pvc-backupper}), {@link io.stowage.snapshot.csi.VolumeSnapshotAction},
 * {@link io.stowage.snapshot.csi.VolumeSnapshotContentAction} and {@link
 * io.stowage.snapshot.csi.VolumeSnapshotClassAction}. Putting this module on the class path is
 * Stowage's equivalent of Velero's {@code EnableCSI} feature flag. See the module README for what
 * is and is not supported, and what happens to the snapshots after the backup.
 */
package io.stowage.snapshot.csi;
