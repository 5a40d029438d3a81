package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A glob pattern with the semantics of gobwas/glob compiled without separators, as Velero uses for
 * namespace and resource include/exclude entries.
 *
 * <p>Syntax:
 *
 * <ul>
 *   <li>{@code *} (and {@code **}) matches any sequence of characters, dots included;
 *   <li>{@code ?} matches exactly one character;
 *   <li>{@code [abc]} one of the listed characters, {@code [a-z]} one character in the range (a
 *       class holds either one range or a list, never both: {@code [a-zA-Z]} is invalid, and in
 *       {@code [abc-z]} the dash is literal), {@code [!abc]} / {@code [!a-z]} negated; {@code []}
 *       is invalid;
 *   <li>{@code {a,b}} alternatives (may nest; an unclosed {@code {} is accepted as closed at the
 *       end, as gobwas does); outside braces {@code ,} and {@code }} are literal, and so is {@code
 *       ]} outside a class;
 *   <li>{@code \c} matches {@code c} literally; a trailing lone backslash is ignored.
 * </ul>
 *
 * <p>Matching works on Unicode code points. Instances are immutable and thread-safe: compile once,
 * match many. Literal patterns and patterns of the shape {@code prefix*suffix} match without
 * allocation.
 */
public final class Glob {
  /** Upper bound on the alternatives a pattern may expand to, against pathological input. */
  static final int MAX_ALTERNATIVES = 4096;

  private final String pattern;
  private final Matcher[] matchers;

  private Glob(String pattern, Matcher[] matchers) {
    this.pattern = pattern;
    this.matchers = matchers;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when gobwas/glob would refuse the pattern (an unclosed or
   *     empty class, a class mixing a range and a list, a range with {@code hi < lo})
   */
  public static Glob compile(String pattern) {
    requireNonNull(pattern, "pattern is null");
    List<List<Object>> flats = expand(new Parser(pattern).parse());
    Matcher[] matchers = new Matcher[flats.size()];
    for (int i = 0; i < matchers.length; i++) {
      matchers[i] = Matcher.of(flats.get(i));
    }
    return new Glob(pattern, matchers);
  }

  /** {@link #compile}, or empty when the pattern is invalid. */
  public static Optional<Glob> tryCompile(String pattern) {
    try {
      return Optional.of(compile(pattern));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code s} has none of the characters that are special anywhere in a pattern ({@code * ?
   * [ { \}); such a pattern matches exactly itself.
   */
  public static boolean isLiteral(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '*', '?', '[', '{', '\\' -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }

  /** Whether the whole of {@code s} matches. */
  public boolean matches(String s) {
    requireNonNull(s, "s is null");
    for (Matcher m : matchers) {
      if (m.matches(s)) {
        return true;
      }
    }
    return false;
  }

  /** The source pattern. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }

  // ---- AST: a sequence is a list of elements; an element is STAR, a CharSet, or an Alternatives.

  private static final Object STAR = new Object();

  private record Alternatives(List<List<Object>> options) {}

  /** A set of code points that one position of the input must fall in. */
  private interface CharSet {
    boolean contains(int cp);
  }

  private record Literal(int cp) implements CharSet {
    @Override
    public boolean contains(int c) {
      return c == cp;
    }
  }

  private record AnyChar() implements CharSet {
    @Override
    public boolean contains(int c) {
      return true;
    }
  }

  private record Range(int lo, int hi, boolean not) implements CharSet {
    @Override
    public boolean contains(int c) {
      return (c >= lo && c <= hi) != not;
    }
  }

  private record CharList(int[] sorted, boolean not) implements CharSet {
    @Override
    public boolean contains(int c) {
      return (Arrays.binarySearch(sorted, c) >= 0) != not;
    }
  }

  /** Expands alternatives into flat sequences of STAR and CharSet. */
  private static List<List<Object>> expand(List<Object> seq) {
    List<List<Object>> result = new ArrayList<>();
    result.add(new ArrayList<>());
    for (Object element : seq) {
      if (element instanceof Alternatives alternatives) {
        List<List<Object>> options = new ArrayList<>();
        for (List<Object> option : alternatives.options()) {
          options.addAll(expand(option));
        }
        List<List<Object>> next = new ArrayList<>();
        for (List<Object> prefix : result) {
          for (List<Object> option : options) {
            if (next.size() >= MAX_ALTERNATIVES) {
              throw new IllegalArgumentException(
                  "pattern expands to more than " + MAX_ALTERNATIVES + " alternatives");
            }
            List<Object> joined = new ArrayList<>(prefix);
            joined.addAll(option);
            next.add(joined);
          }
        }
        result = next;
      } else {
        for (List<Object> flat : result) {
          flat.add(element);
        }
      }
    }
    return result;
  }

  /** A recursive-descent reading of gobwas/glob's lexer and parser. */
  private static final class Parser {
    private final String src;
    private int pos;

    Parser(String src) {
      this.src = src;
    }

    List<Object> parse() {
      List<Object> seq = parseSequence(false);
      return seq;
    }

    /**
     * Reads elements until the end, or, inside braces, until a {@code ,} or {@code }} (not
     * consumed).
     */
    private List<Object> parseSequence(boolean inTerms) {
      List<Object> seq = new ArrayList<>();
      while (pos < src.length()) {
        int c = src.codePointAt(pos);
        if (inTerms && (c == ',' || c == '}')) {
          return seq;
        }
        switch (c) {
          case '{' -> {
            pos++;
            seq.add(parseAlternatives());
          }
          case '[' -> {
            pos++;
            seq.add(parseClass());
          }
          case '?' -> {
            pos++;
            seq.add(new AnyChar());
          }
          case '*' -> {
            pos++;
            if (seq.isEmpty() || seq.get(seq.size() - 1) != STAR) {
              seq.add(STAR);
            }
          }
          default -> readText(seq, inTerms);
        }
      }
      return seq;
    }

    private Alternatives parseAlternatives() {
      List<List<Object>> options = new ArrayList<>();
      while (true) {
        options.add(parseSequence(true));
        if (pos >= src.length()) {
          return new Alternatives(options); // unclosed: gobwas accepts it
        }
        int c = src.charAt(pos++);
        if (c == '}') {
          return new Alternatives(options);
        }
        // c == ',': next option
      }
    }

    /** Text up to the next breaker, with backslash escapes. */
    private void readText(List<Object> seq, boolean inTerms) {
      boolean escaped = false;
      while (pos < src.length()) {
        int c = src.codePointAt(pos);
        if (!escaped) {
          if (c == '\\') {
            escaped = true;
            pos++;
            continue;
          }
          if (c == '?' || c == '*' || c == '[' || c == '{' || (inTerms && (c == '}' || c == ','))) {
            return;
          }
        }
        escaped = false;
        seq.add(new Literal(c));
        pos += Character.charCount(c);
      }
    }

    private CharSet parseClass() {
      boolean not = false;
      boolean seenNot = false;
      int lo = 0;
      int hi = 0;
      boolean wantHi = false;
      boolean wantClose = false;
      StringBuilder chars = new StringBuilder();
      while (true) {
        if (pos >= src.length()) {
          throw invalid("unexpected end of input");
        }
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        if (wantClose) {
          if (c != ']') {
            throw invalid("expected close range character");
          }
          break;
        }
        if (wantHi) {
          hi = c;
          if (hi < lo) {
            throw invalid(
                "hi character '"
                    + Character.toString(hi)
                    + "' should be greater than lo '"
                    + Character.toString(lo)
                    + "'");
          }
          wantClose = true;
          continue;
        }
        if (!seenNot && c == '!') {
          not = true;
          seenNot = true;
          continue;
        }
        if (pos < src.length() && src.charAt(pos) == '-') {
          pos++;
          lo = c;
          wantHi = true;
          continue;
        }
        pos -= Character.charCount(c);
        readClassText(chars);
        wantClose = true;
      }
      boolean isRange = lo != 0 && hi != 0;
      boolean isChars = chars.length() > 0;
      if (isRange == isChars) {
        throw invalid("could not parse range");
      }
      if (isRange) {
        return new Range(lo, hi, not);
      }
      int[] cps = chars.codePoints().sorted().distinct().toArray();
      if (cps.length == 1 && !not) {
        return new Literal(cps[0]);
      }
      return new CharList(cps, not);
    }

    private void readClassText(StringBuilder chars) {
      boolean escaped = false;
      while (pos < src.length()) {
        int c = src.codePointAt(pos);
        if (!escaped) {
          if (c == '\\') {
            escaped = true;
            pos++;
            continue;
          }
          if (c == ']') {
            return;
          }
        }
        escaped = false;
        chars.appendCodePoint(c);
        pos += Character.charCount(c);
      }
    }

    private IllegalArgumentException invalid(String reason) {
      return new IllegalArgumentException("invalid glob pattern \"" + src + "\": " + reason);
    }
  }

  /** Matches one flat alternative. */
  private abstract static class Matcher {
    abstract boolean matches(String s);

    static Matcher of(List<Object> flat) {
      int stars = 0;
      boolean literalOnly = true;
      for (Object e : flat) {
        if (e == STAR) {
          stars++;
        } else if (!(e instanceof Literal)) {
          literalOnly = false;
        }
      }
      if (literalOnly && stars == 0) {
        return new Exact(text(flat, 0, flat.size()));
      }
      if (literalOnly && stars == 1) {
        int star = flat.indexOf(STAR);
        return new PrefixSuffix(text(flat, 0, star), text(flat, star + 1, flat.size()));
      }
      return new General(flat.toArray());
    }

    private static String text(List<Object> flat, int from, int to) {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        sb.appendCodePoint(((Literal) flat.get(i)).cp());
      }
      return sb.toString();
    }
  }

  private static final class Exact extends Matcher {
    private final String text;

    Exact(String text) {
      this.text = text;
    }

    @Override
    boolean matches(String s) {
      return text.equals(s);
    }
  }

  /** {@code prefix*suffix}; {@code *} alone is the empty prefix and suffix. */
  private static final class PrefixSuffix extends Matcher {
    private final String prefix;
    private final String suffix;

    PrefixSuffix(String prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }

    @Override
    boolean matches(String s) {
      return s.length() >= prefix.length() + suffix.length()
          && s.startsWith(prefix)
          && s.endsWith(suffix);
    }
  }

  /**
   * Any mix of stars and one-character sets: the classic linear-backtracking wildcard algorithm
   * (only the last star is ever revisited, which is enough because every other element consumes
   * exactly one code point).
   */
  private static final class General extends Matcher {
    private final Object[] elements;

    General(Object[] elements) {
      this.elements = elements;
    }

    @Override
    boolean matches(String s) {
      int[] in = s.codePoints().toArray();
      int p = 0;
      int i = 0;
      int starP = -1;
      int starI = -1;
      while (i < in.length) {
        if (p < elements.length && elements[p] == STAR) {
          starP = p++;
          starI = i;
        } else if (p < elements.length && ((CharSet) elements[p]).contains(in[i])) {
          p++;
          i++;
        } else if (starP >= 0) {
          p = starP + 1;
          i = ++starI;
        } else {
          return false;
        }
      }
      while (p < elements.length && elements[p] == STAR) {
        p++;
      }
      return p == elements.length;
    }
  }
}
