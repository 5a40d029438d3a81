package io.stowage.core.filter;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Label selectors as Velero uses them: the string form sent with List calls ({@code
 * metav1.FormatLabelSelector}, but never {@code <none>} or {@code <error>}), parsing of the {@code
 * labels.Parse} syntax ({@code ResourceSelector.labelSelector}), and the Backup spec checks.
 */
public final class LabelSelectors {
  /**
   * The validation message when both {@code labelSelector} and {@code orLabelSelectors} are set.
   */
  public static final String BOTH_SELECTORS_MESSAGE =
      "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be"
          + " specified";

  private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern NAME = Pattern.compile(NAME_FMT);
  private static final Pattern VALUE = Pattern.compile("(" + NAME_FMT + ")?");
  private static final String SUBDOMAIN_FMT =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);

  private LabelSelectors() {}

  /**
   * Velero's {@code labelSelector} / {@code orLabelSelectors} exclusivity check ({@code null} means
   * the field is absent; an empty {@code orLabelSelectors} list counts as present).
   */
  public static Optional<String> validateExclusive(
      LabelSelector labelSelector, List<LabelSelector> orLabelSelectors) {
    return labelSelector != null && orLabelSelectors != null
        ? Optional.of(BOTH_SELECTORS_MESSAGE)
        : Optional.empty();
  }

  /**
   * The selector strings to list each type with, as Velero's item collector: one per {@code
   * orLabelSelectors} entry when that list is non-empty (results are concatenated, duplicates are
   * removed later); otherwise the single {@code labelSelector}, or {@code ""} when absent. Not used
   * for {@code namespaces}, which are listed without a selector.
   */
  public static List<String> listSelectors(
      LabelSelector labelSelector, List<LabelSelector> orLabelSelectors) {
    if (orLabelSelectors != null && !orLabelSelectors.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (LabelSelector s : orLabelSelectors) {
        out.add(format(s));
      }
      return out;
    }
    return List.of(labelSelector == null ? "" : format(labelSelector));
  }

  /**
   * {@code metav1.FormatLabelSelector}: {@code matchLabels} become {@code key=value}, expressions
   * {@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key}; all sorted by key
   * (stable: for one key, matchLabels first, then expressions in order), values of a set sorted,
   * joined by {@code ,}. A null or empty selector gives {@code ""} (Kubernetes would print {@code
   * <none>}, which a server rejects).
   *
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} for an invalid key, value or
   *     value count (Kubernetes would print {@code <error>})
   */
  public static String format(LabelSelector selector) {
    return selector == null ? "" : toSelector(selector).toString();
  }

  /**
   * {@code metav1.LabelSelectorAsSelector}: the matcher of a spec selector. An empty selector
   * matches everything.
   *
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} when a requirement is
   *     invalid
   */
  public static Selector toSelector(LabelSelector selector) {
    List<Selector.Requirement> requirements = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      requirements.add(requirement(e.getKey(), Selector.Op.EQUALS, List.of(e.getValue()), errors));
    }
    for (LabelSelector.Expression x : selector.matchExpressions()) {
      Selector.Op op =
          switch (x.operator()) {
            case IN -> Selector.Op.IN;
            case NOT_IN -> Selector.Op.NOT_IN;
            case EXISTS -> Selector.Op.EXISTS;
            case DOES_NOT_EXIST -> Selector.Op.DOES_NOT_EXIST;
          };
      requirements.add(requirement(x.key(), op, x.values(), errors));
    }
    if (!errors.isEmpty()) {
      throw invalid(String.join("; ", errors));
    }
    return new Selector(requirements);
  }

  /**
   * {@code labels.Parse}: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)}, {@code a
   * notin (x,y)}, {@code a} (exists), {@code !a} (does not exist), {@code a>1}, {@code a<1},
   * separated by commas; whitespace is ignored between tokens. {@code ""} selects everything.
   *
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} with the parser's message
   */
  public static Selector parse(String selector) {
    try {
      return new Selector(new SelectorParser(selector).parse());
    } catch (IllegalArgumentException e) {
      throw invalid("unable to parse \"" + selector + "\": " + e.getMessage());
    }
  }

  private static BackupException invalid(String detail) {
    return new BackupException(
        StandardErrorCode.INVALID_ARGUMENT, "invalid label selector: " + detail);
  }

  /** Kubernetes' {@code NewRequirement}: validates, collecting messages into {@code errors}. */
  static Selector.Requirement requirement(
      String key, Selector.Op op, List<String> values, List<String> errors) {
    keyErrors(key).forEach(m -> errors.add("key: Invalid value: \"" + key + "\": " + m));
    switch (op) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          errors.add(
              "values: Invalid value: for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          errors.add("values: Invalid value: exact-match compatibility requires one single value");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          errors.add(
              "values: Invalid value: values set must be empty for exists and does not exist");
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          errors.add(
              "values: Invalid value: for 'Gt', 'Lt' operators, exactly one value is required");
        }
        for (String v : values) {
          try {
            Long.parseLong(v);
          } catch (NumberFormatException e) {
            errors.add(
                "values: Invalid value: \""
                    + v
                    + "\": for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      List<String> msgs = valueErrors(v);
      if (!msgs.isEmpty()) {
        errors.add(
            "values["
                + i
                + "]["
                + key
                + "]: Invalid value: \""
                + v
                + "\": "
                + String.join("; ", msgs));
      }
    }
    return new Selector.Requirement(key, op, values);
  }

  /** Kubernetes' {@code IsLabelKey} (qualified name with an optional DNS subdomain prefix). */
  static List<String> keyErrors(String key) {
    List<String> errors = new ArrayList<>();
    String[] parts = key.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        if (prefix.length() > 253) {
          errors.add("prefix part must be no more than 253 characters");
        }
        if (!SUBDOMAIN.matcher(prefix).matches()) {
          errors.add(
              "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric character"
                  + " (e.g. 'example.com', regex used for validation is '"
                  + SUBDOMAIN_FMT
                  + "')");
        }
      }
    } else {
      errors.add(
          "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
              + " '123-abc', regex used for validation is '"
              + NAME_FMT
              + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errors.add("name part must be no more than 63 characters");
    }
    if (!NAME.matcher(name).matches()) {
      errors.add(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and"
              + " end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
              + " regex used for validation is '"
              + NAME_FMT
              + "')");
    }
    return errors;
  }

  /** Kubernetes' {@code IsValidLabelValue}. */
  static List<String> valueErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!VALUE.matcher(value).matches()) {
      errors.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
              + " or 'my_value',  or '12345', regex used for validation is '("
              + NAME_FMT
              + ")?')");
    }
    return errors;
  }

  /** The {@code labels.Parse} lexer and recursive-descent parser. */
  private static final class SelectorParser {
    private enum Tok {
      END,
      CLOSE,
      COMMA,
      NOT,
      DOUBLE_EQUALS,
      EQUALS,
      GREATER,
      IDENT,
      IN,
      LESS,
      NOT_EQUALS,
      NOT_IN,
      OPEN
    }

    private record Item(Tok tok, String lit) {}

    private final List<Item> items = new ArrayList<>();
    private int position;

    SelectorParser(String s) {
      lex(s);
    }

    private void lex(String s) {
      int i = 0;
      while (true) {
        while (i < s.length() && isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i >= s.length()) {
          items.add(new Item(Tok.END, ""));
          return;
        }
        char c = s.charAt(i);
        if (isSpecial(c)) {
          String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
          if (two.equals("!=") || two.equals("==")) {
            items.add(new Item(two.equals("!=") ? Tok.NOT_EQUALS : Tok.DOUBLE_EQUALS, two));
            i += 2;
            continue;
          }
          Tok t =
              switch (c) {
                case '=' -> Tok.EQUALS;
                case '!' -> Tok.NOT;
                case '(' -> Tok.OPEN;
                case ')' -> Tok.CLOSE;
                case ',' -> Tok.COMMA;
                case '>' -> Tok.GREATER;
                default -> Tok.LESS;
              };
          items.add(new Item(t, String.valueOf(c)));
          i++;
          continue;
        }
        int start = i;
        while (i < s.length() && !isSpecial(s.charAt(i)) && !isWhitespace(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        Tok t =
            switch (word) {
              case "in" -> Tok.IN;
              case "notin" -> Tok.NOT_IN;
              default -> Tok.IDENT;
            };
        items.add(new Item(t, word));
      }
    }

    private static boolean isWhitespace(char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(char c) {
      return "=!(),><".indexOf(c) >= 0;
    }

    /** In a value context the keywords {@code in} and {@code notin} are identifiers. */
    private Item lookahead(boolean values) {
      return asContext(items.get(position), values);
    }

    private Item consume(boolean values) {
      return asContext(items.get(position++), values);
    }

    private static Item asContext(Item item, boolean values) {
      if (values && (item.tok() == Tok.IN || item.tok() == Tok.NOT_IN)) {
        return new Item(Tok.IDENT, item.lit());
      }
      return item;
    }

    List<Selector.Requirement> parse() {
      List<Selector.Requirement> requirements = new ArrayList<>();
      while (true) {
        Item next = lookahead(true);
        switch (next.tok()) {
          case IDENT, NOT -> {
            requirements.add(parseRequirement());
            Item after = consume(true);
            if (after.tok() == Tok.END) {
              return requirements;
            }
            if (after.tok() != Tok.COMMA) {
              throw new IllegalArgumentException(
                  "found '" + after.lit() + "', expected: ',' or 'end of string'");
            }
            Item n = lookahead(true);
            if (n.tok() != Tok.IDENT && n.tok() != Tok.NOT) {
              throw new IllegalArgumentException(
                  "found '" + n.lit() + "', expected: identifier after ','");
            }
          }
          case END -> {
            return requirements;
          }
          default ->
              throw new IllegalArgumentException(
                  "found '" + next.lit() + "', expected: !, identifier, or 'end of string'");
        }
      }
    }

    private Selector.Requirement parseRequirement() {
      Selector.Op op = null;
      Item key = consume(true);
      if (key.tok() == Tok.NOT) {
        op = Selector.Op.DOES_NOT_EXIST;
        key = consume(true);
      }
      if (key.tok() != Tok.IDENT) {
        throw new IllegalArgumentException("found '" + key.lit() + "', expected: identifier");
      }
      List<String> keyErrors = keyErrors(key.lit());
      if (!keyErrors.isEmpty()) {
        throw new IllegalArgumentException(
            "key: Invalid value: \"" + key.lit() + "\": " + String.join("; ", keyErrors));
      }
      Tok next = lookahead(true).tok();
      if ((next == Tok.END || next == Tok.COMMA) && op == null) {
        op = Selector.Op.EXISTS;
      }
      if (op != null) {
        return checked(key.lit(), op, List.of());
      }
      Item operator = consume(false);
      op =
          switch (operator.tok()) {
            case IN -> Selector.Op.IN;
            case EQUALS -> Selector.Op.EQUALS;
            case DOUBLE_EQUALS -> Selector.Op.DOUBLE_EQUALS;
            case GREATER -> Selector.Op.GREATER_THAN;
            case LESS -> Selector.Op.LESS_THAN;
            case NOT_IN -> Selector.Op.NOT_IN;
            case NOT_EQUALS -> Selector.Op.NOT_EQUALS;
            default ->
                throw new IllegalArgumentException(
                    "found '" + operator.lit() + "', expected: in, notin, =, ==, !=, gt, lt");
          };
      List<String> values =
          op == Selector.Op.IN || op == Selector.Op.NOT_IN ? parseValues() : parseExactValue();
      return checked(key.lit(), op, values);
    }

    private static Selector.Requirement checked(String key, Selector.Op op, List<String> values) {
      List<String> errors = new ArrayList<>();
      Selector.Requirement r = requirement(key, op, values, errors);
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", errors));
      }
      return r;
    }

    private List<String> parseValues() {
      Item open = consume(true);
      if (open.tok() != Tok.OPEN) {
        throw new IllegalArgumentException("found '" + open.lit() + "' expected: '('");
      }
      Item next = lookahead(true);
      switch (next.tok()) {
        case IDENT, COMMA -> {
          TreeSet<String> values = parseIdentifiers();
          if (consume(true).tok() != Tok.CLOSE) {
            throw new IllegalArgumentException("found '" + next.lit() + "', expected: ')'");
          }
          return List.copyOf(values);
        }
        case CLOSE -> {
          consume(true);
          return List.of("");
        }
        default ->
            throw new IllegalArgumentException(
                "found '" + next.lit() + "', expected: ',', ')' or identifier");
      }
    }

    private TreeSet<String> parseIdentifiers() {
      TreeSet<String> values = new TreeSet<>();
      while (true) {
        Item item = consume(true);
        switch (item.tok()) {
          case IDENT -> {
            values.add(item.lit());
            Item n = lookahead(true);
            if (n.tok() == Tok.CLOSE) {
              return values;
            }
            if (n.tok() != Tok.COMMA) {
              throw new IllegalArgumentException("found '" + n.lit() + "', expected: ',' or ')'");
            }
          }
          case COMMA -> {
            if (values.isEmpty()) {
              values.add("");
            }
            Tok n = lookahead(true).tok();
            if (n == Tok.CLOSE) {
              values.add("");
              return values;
            }
            if (n == Tok.COMMA) {
              values.add("");
            }
          }
          default ->
              throw new IllegalArgumentException(
                  "found '" + item.lit() + "', expected: ',', or identifier");
        }
      }
    }

    private List<String> parseExactValue() {
      Tok next = lookahead(true).tok();
      if (next == Tok.END || next == Tok.COMMA) {
        return List.of("");
      }
      Item value = consume(true);
      if (value.tok() == Tok.IDENT) {
        return List.of(value.lit());
      }
      throw new IllegalArgumentException("found '" + value.lit() + "', expected: identifier");
    }
  }
}
