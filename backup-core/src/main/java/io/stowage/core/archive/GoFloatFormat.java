package io.stowage.core.archive;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats floating-point numbers as Go's {@code encoding/json} does: the shortest decimal that
 * reads back as the same value (closest to the exact value when several are as short, ties to
 * even), written without exponent when {@code 1e-6 <= |v| < 1e21} and otherwise as {@code
 * d.ddde±XX} with Go's exponent clean-up ({@code 1e-07} becomes {@code 1e-7}; positive exponents
 * keep two digits, {@code 1e+21}). Negative zero is {@code -0}.
 */
final class GoFloatFormat {
  private GoFloatFormat() {}

  /** A float64. {@code value} must be finite. */
  static String format64(double value) {
    return format(value, false);
  }

  /** A float32. {@code value} must be finite. */
  static String format32(float value) {
    return format(value, true);
  }

  private static String format(double value, boolean float32) {
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
    }
    double abs = Math.abs(value);
    boolean exponent =
        float32 ? (float) abs < 1e-6f || (float) abs >= 1e21f : abs < 1e-6 || abs >= 1e21;
    BigDecimal digits = jdkDigitsIfShortest(abs, float32);
    if (digits == null) {
      digits = shortest(new BigDecimal(abs), abs, float32).stripTrailingZeros();
    }
    String text = exponent ? scientific(digits) : digits.toPlainString();
    return value < 0 ? "-" + text : text;
  }

  /**
   * The JDK's own digits when they are provably the shortest: {@code Double.toString} always reads
   * back, and two different decimals of at most 15 significant digits (6 for a float32) never read
   * back to the same normal double, so such a result has no shorter rival. Else {@code null}.
   */
  private static BigDecimal jdkDigitsIfShortest(double abs, boolean float32) {
    boolean normal = float32 ? (float) abs >= Float.MIN_NORMAL : abs >= Double.MIN_NORMAL;
    if (!normal) {
      return null;
    }
    BigDecimal digits =
        new BigDecimal(float32 ? Float.toString((float) abs) : Double.toString(abs))
            .stripTrailingZeros();
    return digits.precision() <= (float32 ? 6 : 15) ? digits : null;
  }

  /**
   * The shortest decimal that rounds back to {@code value}; the closest such, ties to even. Whether
   * some decimal of {@code p} significant digits reads back only turns from false to true as {@code
   * p} grows (a {@code p}-digit one is also a {@code p+1}-digit one), so the precision is found by
   * binary search; 17 digits always suffice for a float64.
   */
  private static BigDecimal shortest(BigDecimal exact, double value, boolean float32) {
    int low = 1;
    int high = 17;
    BigDecimal found = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    while (low <= high) {
      int precision = (low + high) >>> 1;
      BigDecimal candidate = closestReadingBack(exact, precision, value, float32);
      if (candidate != null) {
        found = candidate;
        high = precision - 1;
      } else {
        low = precision + 1;
      }
    }
    return found;
  }

  /**
   * Of the two decimals with {@code precision} digits around {@code exact}, the one that reads back
   * to {@code value} (the closer if both do, ties to even), or {@code null}. A decimal of that
   * precision further away cannot read back if the nearer one on its side does not.
   */
  private static BigDecimal closestReadingBack(
      BigDecimal exact, int precision, double value, boolean float32) {
    BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
    boolean belowOk = readsBack(below, value, float32);
    boolean aboveOk = readsBack(above, value, float32);
    if (belowOk && aboveOk) {
      return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    }
    return belowOk ? below : aboveOk ? above : null;
  }

  private static boolean readsBack(BigDecimal candidate, double value, boolean float32) {
    return float32 ? candidate.floatValue() == (float) value : candidate.doubleValue() == value;
  }

  /** {@code 1.5e+21}, {@code 1e-7}, {@code 1.234e-10}. */
  private static String scientific(BigDecimal digits) {
    String unscaled = digits.unscaledValue().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    StringBuilder text = new StringBuilder(unscaled.length() + 6);
    text.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      text.append('.').append(unscaled, 1, unscaled.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (exponent > 0 && magnitude < 10) {
      text.append('0');
    }
    return text.append(magnitude).toString();
  }
}
