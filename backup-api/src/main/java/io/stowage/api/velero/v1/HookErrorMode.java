package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code onError} of an exec hook: what a failing hook does to the rest of the item's hooks.
 *
 * <p>Unset ({@code null}) is documented by Velero as {@link #FAIL}, but Velero compares the raw
 * value, so an unset mode in fact behaves like {@link #CONTINUE} for the remaining hooks (the
 * failure is still logged as an error and makes the backup PartiallyFailed).
 */
public enum HookErrorMode {
  CONTINUE("Continue"),
  FAIL("Fail");

  private final String value;

  HookErrorMode(String value) {
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
  public static HookErrorMode fromValue(String value) {
    return Fields.enumValue(values(), HookErrorMode::value, value, "hook error mode");
  }

  @Override
  public String toString() {
    return value;
  }
}
