package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * A Go {@code time.Duration} as Kubernetes serializes it ({@code metav1.Duration}): a signed count
 * of nanoseconds written as a Go duration string such as {@code "720h0m0s"}, {@code "10m0s"},
 * {@code "1.5s"} or {@code "300ms"}.
 *
 * <p>{@link #parse} accepts what Go's {@code time.ParseDuration} accepts: an optional sign, then
 * one or more decimal numbers (with an optional fraction) each followed by a unit {@code ns},
 * {@code us} ({@code µs}), {@code ms}, {@code s}, {@code m} or {@code h}, or the bare {@code "0"}.
 * {@link #toString} formats exactly like Go's {@code Duration.String()}: {@code "0s"} for zero,
 * {@code ns}/{@code µs}/{@code ms} below one second, otherwise hours and minutes only when non-zero
 * followed by seconds with a fraction when needed ({@code "1h0m0s"}, {@code "1m30s"}, {@code
 * "30s"}). Jackson reads and writes it as that string.
 *
 * <p>The range is Go's: about ±292 years. Fractions are computed exactly and truncated to the
 * nanosecond (Go uses floating point there, so an input with more than about 15 significant digits
 * may differ in the last nanosecond).
 */
public final class GoDuration implements Comparable<GoDuration> {
  /** {@code "0s"}. */
  public static final GoDuration ZERO = new GoDuration(0);

  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final long nanos;

  private GoDuration(long nanos) {
    this.nanos = nanos;
  }

  public static GoDuration ofNanos(long nanos) {
    return nanos == 0 ? ZERO : new GoDuration(nanos);
  }

  public static GoDuration ofSeconds(long seconds) {
    return ofNanos(Math.multiplyExact(seconds, NANOS_PER_SECOND));
  }

  public static GoDuration ofMinutes(long minutes) {
    return ofNanos(Math.multiplyExact(minutes, NANOS_PER_MINUTE));
  }

  public static GoDuration ofHours(long hours) {
    return ofNanos(Math.multiplyExact(hours, NANOS_PER_HOUR));
  }

  /**
   * The same length as {@code duration}.
   *
   * @throws ArithmeticException when it does not fit in Go's range (about ±292 years)
   */
  public static GoDuration of(Duration duration) {
    return ofNanos(duration.toNanos());
  }

  /**
   * Parses a Go duration string.
   *
   * @throws IllegalArgumentException when {@code text} is not a valid Go duration (including the
   *     empty string, as in Go) or is out of range
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static GoDuration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid duration: null");
    }
    String s = text;
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return ZERO;
    }
    if (i == s.length()) {
      throw invalid(text);
    }
    BigInteger total = BigInteger.ZERO;
    while (i < s.length()) {
      int numberStart = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      boolean hasInteger = i > numberStart;
      boolean hasFraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        hasFraction = i > fractionStart;
      }
      if (!hasInteger && !hasFraction) {
        throw invalid(text);
      }
      String number = s.substring(numberStart, i);
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      if (unitStart == i) {
        throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
      }
      String unit = s.substring(unitStart, i);
      long unitNanos = unitNanos(unit);
      if (unitNanos == 0) {
        throw new IllegalArgumentException(
            "unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      BigInteger part =
          new BigDecimal(number.endsWith(".") ? number + "0" : number)
              .multiply(BigDecimal.valueOf(unitNanos))
              .toBigInteger();
      total = total.add(part);
      if (total.compareTo(MAX.add(BigInteger.ONE)) > 0) {
        throw invalid(text);
      }
    }
    if (negative) {
      total = total.negate();
    }
    if (total.compareTo(MIN) < 0 || total.compareTo(MAX) > 0) {
      throw invalid(text);
    }
    return ofNanos(total.longValueExact());
  }

  /** The length in nanoseconds. */
  public long toNanos() {
    return nanos;
  }

  public Duration toDuration() {
    return Duration.ofNanos(nanos);
  }

  public boolean isZero() {
    return nanos == 0;
  }

  public boolean isNegative() {
    return nanos < 0;
  }

  @Override
  public int compareTo(GoDuration other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoDuration other && other.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  /**
   * The Go form, for example {@code "720h0m0s"}, {@code "1m30s"}, {@code "300ms"}, {@code "0s"}.
   */
  @JsonValue
  @Override
  public String toString() {
    if (nanos == 0) {
      return "0s";
    }
    // Unsigned magnitude: Long.MIN_VALUE has no positive counterpart.
    long u = nanos < 0 ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
      if (u < NANOS_PER_MICRO) {
        out.append(u).append("ns");
      } else if (u < NANOS_PER_MILLI) {
        appendFraction(out, u, 3);
        out.append("\u00b5s");
      } else {
        appendFraction(out, u, 6);
        out.append("ms");
      }
    } else {
      long wholeSeconds = Long.divideUnsigned(u, NANOS_PER_SECOND);
      long fraction = Long.remainderUnsigned(u, NANOS_PER_SECOND);
      long seconds = wholeSeconds % 60;
      long minutes = (wholeSeconds / 60) % 60;
      long hours = wholeSeconds / 3600;
      if (hours > 0) {
        out.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(seconds);
      appendFractionDigits(out, fraction, 9);
      out.append('s');
    }
    return nanos < 0 ? "-" + out : out.toString();
  }

  /** Appends {@code value / 10^digits} with the fraction's trailing zeros (and dot) dropped. */
  private static void appendFraction(StringBuilder out, long value, int digits) {
    long scale = 1;
    for (int d = 0; d < digits; d++) {
      scale *= 10;
    }
    out.append(value / scale);
    appendFractionDigits(out, value % scale, digits);
  }

  private static void appendFractionDigits(StringBuilder out, long fraction, int digits) {
    if (fraction == 0) {
      return;
    }
    String text = Long.toString(fraction);
    StringBuilder padded = new StringBuilder();
    for (int pad = text.length(); pad < digits; pad++) {
      padded.append('0');
    }
    padded.append(text);
    int end = padded.length();
    while (padded.charAt(end - 1) == '0') {
      end--;
    }
    out.append('.').append(padded, 0, end);
  }

  /** Nanoseconds in one {@code unit}, or 0 for an unknown unit. */
  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "\u00b5s", "\u03bcs" -> NANOS_PER_MICRO; // micro sign, Greek mu
      case "ms" -> NANOS_PER_MILLI;
      case "s" -> NANOS_PER_SECOND;
      case "m" -> NANOS_PER_MINUTE;
      case "h" -> NANOS_PER_HOUR;
      default -> 0;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid duration \"" + Objects.toString(text) + "\"");
  }
}
