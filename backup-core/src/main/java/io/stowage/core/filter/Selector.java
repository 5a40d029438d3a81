package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A parsed Kubernetes label selector ({@code labels.Selector}): requirements that must all hold,
 * kept sorted by key. Immutable and thread-safe. Its {@link #toString()} is the Kubernetes string
 * form, e.g. {@code a=b,c in (x,y),!d,e}; an empty selector matches everything and prints as {@code
 * ""}.
 */
public final class Selector {
  /** Matches every label set. */
  public static final Selector EVERYTHING = new Selector(List.of());

  private final List<Requirement> requirements;

  Selector(List<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key)); // stable: ties keep their order
    this.requirements = List.copyOf(sorted);
  }

  /** Whether every requirement holds for {@code labels} (null means no labels). */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(l)) {
        return false;
      }
    }
    return true;
  }

  /** Whether there is no requirement. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** The Kubernetes string form; {@code ""} when empty. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) {
      parts.add(r.toString());
    }
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && s.requirements.equals(requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  /** The operators of {@code labels.Requirement}. */
  public enum Op {
    IN(" in "),
    NOT_IN(" notin "),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    EXISTS(""),
    DOES_NOT_EXIST(""),
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  /**
   * One requirement; build it through {@link LabelSelectors} (which validates it).
   *
   * @param key label key
   * @param op operator
   * @param values values in the order given
   */
  public record Requirement(String key, Op op, List<String> values) {
    public Requirement {
      requireNonNull(key, "key is null");
      requireNonNull(op, "op is null");
      values = List.copyOf(values);
    }

    /** Kubernetes' {@code Requirement.Matches}. */
    public boolean matches(Map<String, String> labels) {
      return switch (op) {
        case IN, EQUALS, DOUBLE_EQUALS ->
            labels.containsKey(key) && values.contains(labels.get(key));
        case NOT_IN, NOT_EQUALS -> !labels.containsKey(key) || !values.contains(labels.get(key));
        case EXISTS -> labels.containsKey(key);
        case DOES_NOT_EXIST -> !labels.containsKey(key);
        case GREATER_THAN, LESS_THAN -> compares(labels.get(key));
      };
    }

    private boolean compares(String value) {
      if (value == null || values.size() != 1) {
        return false;
      }
      try {
        long actual = Long.parseLong(value);
        long bound = Long.parseLong(values.get(0));
        return op == Op.GREATER_THAN ? actual > bound : actual < bound;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    /** Kubernetes' {@code Requirement.String}: several values are printed sorted. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (op == Op.DOES_NOT_EXIST) {
        sb.append('!');
      }
      sb.append(key);
      if (op == Op.EXISTS || op == Op.DOES_NOT_EXIST) {
        return sb.toString();
      }
      sb.append(op.symbol);
      boolean set = op == Op.IN || op == Op.NOT_IN;
      if (set) {
        sb.append('(');
      }
      sb.append(String.join(",", values.size() == 1 ? values : values.stream().sorted().toList()));
      if (set) {
        sb.append(')');
      }
      return sb.toString();
    }
  }
}
