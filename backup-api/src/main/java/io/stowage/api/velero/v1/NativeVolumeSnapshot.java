package io.stowage.api.velero.v1;

/** One record of {@code <name>-volumesnapshots.json.gz}. SKELETON: completed by the model work. */
public record NativeVolumeSnapshot() {
  public boolean completed() {
    return false;
  }
}
