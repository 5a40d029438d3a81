package io.stowage.api.velero.v1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers shared by the model classes: defensive copies for setters ({@code null} becomes empty),
 * Go zero values, enum lookup by JSON string.
 */
final class Fields {
  private Fields() {}

  static <T> List<T> copyOf(List<T> list) {
    return list == null ? new ArrayList<>() : new ArrayList<>(list);
  }

  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
  }

  /** Go's zero value for a string that has no {@code omitempty}: never {@code null}. */
  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * The constant of an enum whose JSON form is {@code toValue}; {@code null} for {@code null} or
   * {@code ""} (Go's zero value of a string enum).
   *
   * @throws IllegalArgumentException for any other string
   */
  static <E extends Enum<E>> E enumValue(
      E[] constants, Function<E, String> toValue, String value, String what) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    for (E constant : constants) {
      if (toValue.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " \"" + value + "\"");
  }

  /** {@code "<kind> <namespace>/<name>"} (or {@code "<kind> <name>"}), for toString. */
  static String describe(String kind, ObjectMeta metadata) {
    String namespace = metadata.getNamespace();
    String name = metadata.getName();
    return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
