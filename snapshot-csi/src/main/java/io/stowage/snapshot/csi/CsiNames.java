package io.stowage.snapshot.csi;

import io.stowage.api.GroupResource;

/** The types, labels and annotations the CSI actions use (velero-facts §4.1, §6.11). */
final class CsiNames {
  static final GroupResource PVCS = GroupResource.core("persistentvolumeclaims");
  static final GroupResource PVS = GroupResource.core("persistentvolumes");
  static final GroupResource SECRETS = GroupResource.core("secrets");
  static final GroupResource STORAGE_CLASSES =
      new GroupResource("storage.k8s.io", "storageclasses");
  static final String SNAPSHOT_GROUP = "snapshot.storage.k8s.io";
  static final String SNAPSHOT_API_VERSION = SNAPSHOT_GROUP + "/v1";
  static final GroupResource VOLUME_SNAPSHOTS =
      new GroupResource(SNAPSHOT_GROUP, "volumesnapshots");
  static final GroupResource VOLUME_SNAPSHOT_CONTENTS =
      new GroupResource(SNAPSHOT_GROUP, "volumesnapshotcontents");
  static final GroupResource VOLUME_SNAPSHOT_CLASSES =
      new GroupResource(SNAPSHOT_GROUP, "volumesnapshotclasses");

  static final String BACKUP_NAME_LABEL = "velero.io/backup-name";
  static final String VOLUME_SNAPSHOT_LABEL = "velero.io/volume-snapshot-name";
  static final String MUST_INCLUDE_ANNOTATION = "backup.velero.io/must-include-additional-items";
  static final String SKIPPED_NO_CSI_PV_ANNOTATION = "backup.velero.io/skipped-no-csi-pv";
  static final String SNAPSHOT_HANDLE_ANNOTATION = "velero.io/csi-volumesnapshot-handle";
  static final String RESTORE_SIZE_ANNOTATION = "velero.io/csi-volumesnapshot-restore-size";
  static final String DRIVER_NAME_ANNOTATION = "velero.io/csi-driver-name";
  static final String DELETION_POLICY_ANNOTATION = "velero.io/csi-vsc-deletion-policy";
  static final String GROUP_SNAPSHOT_HANDLE_ANNOTATION = "velero.io/csi-volumegroupsnapshot-handle";

  /** A label (any value) marking a VolumeSnapshotClass as Velero's for its driver. */
  static final String CLASS_SELECTOR_LABEL = "velero.io/csi-volumesnapshot-class";

  /** A PVC annotation naming the class; also the prefix of the Backup annotation per driver. */
  static final String CLASS_ANNOTATION = "velero.io/csi-volumesnapshot-class";

  static final String DEFAULT_CLASS_ANNOTATION = "snapshot.storage.kubernetes.io/is-default-class";
  static final String DEFAULT_GROUP_LABEL = "velero.io/volume-group";

  static final String DELETE_SECRET_NAME = "csi.storage.k8s.io/snapshotter-secret-name";
  static final String DELETE_SECRET_NAMESPACE = "csi.storage.k8s.io/snapshotter-secret-namespace";
  static final String LIST_SECRET_NAME = "csi.storage.k8s.io/snapshotter-list-secret-name";
  static final String LIST_SECRET_NAMESPACE =
      "csi.storage.k8s.io/snapshotter-list-secret-namespace";

  private CsiNames() {}
}
