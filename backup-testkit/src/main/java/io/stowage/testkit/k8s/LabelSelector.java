package io.stowage.testkit.k8s;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Kubernetes label selector: comma-separated requirements, all of which must hold.
 *
 * <p>Supported forms: {@code key}, {@code !key}, {@code key=value}, {@code key==value}, {@code
 * key!=value}, {@code key in (v1,v2)}, {@code key notin (v1,v2)}, {@code key>N} and {@code key<N}.
 * As on a real API server, {@code !=} and {@code notin} also match objects without the label.
 */
final class LabelSelector {

  /** The selector that matches everything (an absent or empty selector). */
  static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private enum Op {
    EXISTS,
    NOT_EXISTS,
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    GREATER_THAN,
    LESS_THAN
  }

  private record Requirement(String key, Op op, Set<String> values) {}

  private static final String KEY = "([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9]([A-Za-z0-9._-]*)?";
  private static final Pattern VALID_KEY = Pattern.compile(KEY);
  private static final Pattern VALID_VALUE =
      Pattern.compile("([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?");
  private static final Pattern SET_BASED =
      Pattern.compile("([^\\s!=<>(),]+)\\s+(in|notin)\\s*\\(([^()]*)\\)");
  private static final Pattern COMPARISON =
      Pattern.compile("([^\\s!=<>(),]+)\\s*(!=|==|=|>|<)(.*)");

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /**
   * Parses a selector as found in the {@code labelSelector} query parameter (already URL-decoded).
   *
   * @param selector the selector; null or blank selects everything
   * @throws IllegalArgumentException if a requirement cannot be parsed; the message names it
   */
  static LabelSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> parsed = new ArrayList<>();
    for (String term : splitTopLevel(selector)) {
      parsed.add(parseRequirement(term.trim(), selector));
    }
    return new LabelSelector(List.copyOf(parsed));
  }

  /**
   * Whether an object's labels satisfy every requirement.
   *
   * @param labels returns a label's value, or null when the object does not have the label
   */
  boolean matches(UnaryOperator<String> labels) {
    for (Requirement r : requirements) {
      String value = labels.apply(r.key());
      if (!holds(r, value)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector matches everything. */
  boolean isEverything() {
    return requirements.isEmpty();
  }

  private static boolean holds(Requirement r, String value) {
    switch (r.op()) {
      case EXISTS:
        return value != null;
      case NOT_EXISTS:
        return value == null;
      case EQUALS:
      case IN:
        return value != null && r.values().contains(value);
      case NOT_EQUALS:
      case NOT_IN:
        return value == null || !r.values().contains(value);
      case GREATER_THAN:
      case LESS_THAN:
        Long actual = asLong(value);
        long bound = Long.parseLong(r.values().iterator().next());
        return actual != null && (r.op() == Op.GREATER_THAN ? actual > bound : actual < bound);
      default:
        throw new IllegalStateException("unhandled operator " + r.op());
    }
  }

  private static Requirement parseRequirement(String term, String selector) {
    if (term.startsWith("!")) {
      return new Requirement(key(term.substring(1).trim(), selector), Op.NOT_EXISTS, Set.of());
    }
    Matcher set = SET_BASED.matcher(term);
    if (set.matches()) {
      Set<String> values = new LinkedHashSet<>();
      for (String v : set.group(3).split(",", -1)) {
        values.add(value(v.trim(), selector));
      }
      Op op = set.group(2).equals("in") ? Op.IN : Op.NOT_IN;
      return new Requirement(key(set.group(1), selector), op, Set.copyOf(values));
    }
    Matcher cmp = COMPARISON.matcher(term);
    if (cmp.matches()) {
      String key = key(cmp.group(1), selector);
      String operand = cmp.group(3).trim();
      switch (cmp.group(2)) {
        case "!=":
          return new Requirement(key, Op.NOT_EQUALS, Set.of(value(operand, selector)));
        case ">":
        case "<":
          if (asLong(operand) == null) {
            throw invalid(selector, "'" + operand + "' is not an integer");
          }
          Op op = cmp.group(2).equals(">") ? Op.GREATER_THAN : Op.LESS_THAN;
          return new Requirement(key, op, Set.of(operand));
        default:
          return new Requirement(key, Op.EQUALS, Set.of(value(operand, selector)));
      }
    }
    return new Requirement(key(term, selector), Op.EXISTS, Set.of());
  }

  private static List<String> splitTopLevel(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
      if (depth < 0 || depth > 1) {
        throw invalid(selector, "unbalanced parentheses");
      }
    }
    if (depth != 0) {
      throw invalid(selector, "unbalanced parentheses");
    }
    terms.add(selector.substring(start));
    return terms;
  }

  private static String key(String key, String selector) {
    if (!VALID_KEY.matcher(key).matches()) {
      throw invalid(selector, "invalid label key '" + key + "'");
    }
    return key;
  }

  private static String value(String value, String selector) {
    if (value.length() > 63 || !VALID_VALUE.matcher(value).matches()) {
      throw invalid(selector, "invalid label value '" + value + "'");
    }
    return value;
  }

  private static Long asLong(String s) {
    try {
      return s == null ? null : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static IllegalArgumentException invalid(String selector, String why) {
    return new IllegalArgumentException(
        "unable to parse label selector \"" + selector + "\": " + why);
  }
}
