package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes {@code metav1.LabelSelector} as written in a Backup spec ({@code labelSelector},
 * {@code orLabelSelectors}): equality labels plus set-based expressions, all of which must hold.
 * Format it with {@link LabelSelectors#format}; turn it into a matcher with {@link
 * LabelSelectors#toSelector}.
 *
 * @param matchLabels {@code key=value} requirements; never null
 * @param matchExpressions set-based requirements; never null
 */
public record LabelSelector(Map<String, String> matchLabels, List<Expression> matchExpressions) {
  public LabelSelector {
    matchLabels =
        matchLabels == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(matchLabels));
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /** A selector of equality labels only. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }

  /** Whether the selector has no requirement (it then selects everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /**
   * One set-based requirement ({@code LabelSelectorRequirement}).
   *
   * @param key the label key
   * @param operator the operator
   * @param values the values: non-empty for {@code In}/{@code NotIn}, empty for {@code
   *     Exists}/{@code DoesNotExist}
   */
  public record Expression(String key, Operator operator, List<String> values) {
    public Expression {
      requireNonNull(key, "key is null");
      requireNonNull(operator, "operator is null");
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** The operators of {@code LabelSelectorRequirement}, with their JSON spelling. */
  public enum Operator {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist");

    private final String value;

    Operator(String value) {
      this.value = value;
    }

    /** The JSON spelling ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}). */
    public String value() {
      return value;
    }

    /**
     * The operator of that JSON spelling (exact case, as Kubernetes).
     *
     * @throws IllegalArgumentException with Kubernetes' message for any other value
     */
    public static Operator fromValue(String value) {
      for (Operator op : values()) {
        if (op.value.equals(value)) {
          return op;
        }
      }
      throw new IllegalArgumentException(
          "\"" + value + "\" is not a valid label selector operator");
    }
  }
}
