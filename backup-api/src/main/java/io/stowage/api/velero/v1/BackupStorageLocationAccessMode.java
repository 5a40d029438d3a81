package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code spec.accessMode} of a BackupStorageLocation. Unset ({@code null}) means {@link
 * #READ_WRITE} to Velero; backups are not written to a {@link #READ_ONLY} location.
 */
public enum BackupStorageLocationAccessMode {
  READ_WRITE("ReadWrite"),
  READ_ONLY("ReadOnly");

  private final String value;

  BackupStorageLocationAccessMode(String value) {
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
  public static BackupStorageLocationAccessMode fromValue(String value) {
    return Fields.enumValue(values(), BackupStorageLocationAccessMode::value, value, "access mode");
  }

  @Override
  public String toString() {
    return value;
  }
}
