package io.stowage.snapshot.csi;

import io.stowage.api.ErrorCategory;
import io.stowage.api.ErrorCode;

/** Error codes of the CSI snapshot actions, in the range {@code 0x0003_0000}. */
public enum CsiErrorCode implements ErrorCode {
  /** The PVC has no {@code spec.storageClassName}, or its StorageClass does not exist. */
  NO_STORAGE_CLASS(0x0003_0001, ErrorCategory.USER),
  /** No VolumeSnapshotClass could be chosen for the volume's CSI driver. */
  NO_SNAPSHOT_CLASS(0x0003_0002, ErrorCategory.USER),
  /** The PVC is not bound, or its PV does not exist. */
  VOLUME_NOT_BOUND(0x0003_0003, ErrorCategory.USER),
  /** The VolumeSnapshot got no bound content with a snapshot handle within the timeout. */
  SNAPSHOT_TIMEOUT(0x0003_0004, ErrorCategory.RESOURCES),
  /** The action was created without cluster access. */
  NO_CLUSTER_ACCESS(0x0003_0005, ErrorCategory.USER),
  /** A VolumeSnapshot handed to the VolumeSnapshot action is not bound to a content. */
  SNAPSHOT_NOT_BOUND(0x0003_0006, ErrorCategory.EXTERNAL);

  private final int code;
  private final ErrorCategory category;

  CsiErrorCode(int code, ErrorCategory category) {
    this.code = code;
    this.category = category;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public ErrorCategory category() {
    return category;
  }
}
