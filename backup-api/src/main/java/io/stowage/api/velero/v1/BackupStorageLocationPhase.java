package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code status.phase} of a BackupStorageLocation. The CRD default is {@link #UNAVAILABLE}. */
public enum BackupStorageLocationPhase {
  AVAILABLE("Available"),
  UNAVAILABLE("Unavailable");

  private final String value;

  BackupStorageLocationPhase(String value) {
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
  public static BackupStorageLocationPhase fromValue(String value) {
    return Fields.enumValue(
        values(), BackupStorageLocationPhase::value, value, "backup storage location phase");
  }

  @Override
  public String toString() {
    return value;
  }
}
