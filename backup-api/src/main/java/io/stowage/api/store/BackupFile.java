package io.stowage.api.store;

/**
 * The files of one backup under {@code <prefix>/backups/<name>/}, with Velero's names (see
 * velero-facts §2.2). Also the download targets of Velero's {@code DownloadRequest}.
 */
public enum BackupFile {
  /** {@code velero-backup.json}: the Backup object, pretty JSON, not gzipped. Written last. */
  METADATA("velero-backup.json", false),
  /** {@code <name>.tar.gz}: the tarball. */
  CONTENTS(".tar.gz", true),
  /** {@code <name>-logs.gz}: the gzipped backup log. */
  LOG("-logs.gz", true),
  /** {@code <name>-podvolumebackups.json.gz}. */
  POD_VOLUME_BACKUPS("-podvolumebackups.json.gz", true),
  /** {@code <name>-volumesnapshots.json.gz}: native snapshot records. */
  VOLUME_SNAPSHOTS("-volumesnapshots.json.gz", true),
  /** {@code <name>-itemoperations.json.gz}. */
  ITEM_OPERATIONS("-itemoperations.json.gz", true),
  /** {@code <name>-resource-list.json.gz}. */
  RESOURCE_LIST("-resource-list.json.gz", true),
  /** {@code <name>-results.gz}: warnings and errors by scope. */
  RESULTS("-results.gz", true),
  /** {@code <name>-volumeinfo.json.gz}. */
  VOLUME_INFO("-volumeinfo.json.gz", true),
  /** {@code <name>-csi-volumesnapshots.json.gz} (written by Velero up to 1.16). */
  CSI_VOLUME_SNAPSHOTS("-csi-volumesnapshots.json.gz", true),
  /** {@code <name>-csi-volumesnapshotcontents.json.gz} (written by Velero up to 1.16). */
  CSI_VOLUME_SNAPSHOT_CONTENTS("-csi-volumesnapshotcontents.json.gz", true),
  /** {@code <name>-csi-volumesnapshotclasses.json.gz} (written by Velero up to 1.16). */
  CSI_VOLUME_SNAPSHOT_CLASSES("-csi-volumesnapshotclasses.json.gz", true);

  private final String suffix;
  private final boolean prefixedWithName;

  BackupFile(String suffix, boolean prefixedWithName) {
    this.suffix = suffix;
    this.prefixedWithName = prefixedWithName;
  }

  /** The file name for a backup, such as {@code nightly-logs.gz}. */
  public String fileName(String backupName) {
    return prefixedWithName ? backupName + suffix : suffix;
  }
}
