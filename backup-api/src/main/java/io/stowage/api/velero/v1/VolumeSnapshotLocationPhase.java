package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code status.phase} of a VolumeSnapshotLocation. */
public enum VolumeSnapshotLocationPhase {
  AVAILABLE("Available"),
  UNAVAILABLE("Unavailable");

  private final String value;

  VolumeSnapshotLocationPhase(String value) {
    this.value = value;
  }

  /** The JSON string. */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * The constant with JSON string {@code value}; {@code null} for {@code null} or {@code ""}.
   *
   * @throws IllegalArgumentException for any other unknown string
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static VolumeSnapshotLocationPhase fromValue(String value) {
    return Fields.enumValue(
        values(), VolumeSnapshotLocationPhase::value, value, "volume snapshot location phase");
  }

  @Override
  public String toString() {
    return value;
  }
}
