package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code status} of a VolumeSnapshotLocation: {@code phase}, {@code null} when unset. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"phase"})
public class VolumeSnapshotLocationStatus extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private VolumeSnapshotLocationPhase phase;

  public VolumeSnapshotLocationPhase getPhase() {
    return phase;
  }

  public void setPhase(VolumeSnapshotLocationPhase phase) {
    this.phase = phase;
  }
}
