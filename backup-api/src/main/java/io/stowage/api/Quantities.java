package io.stowage.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Kubernetes resource quantities ({@code 10Gi}, {@code 1.5G}, {@code 500m}, {@code 1e3}) as far as
 * storage sizes need them: in PVC requests, PV capacities and VolumeSnapshot restore sizes.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-zA-Z]*|[eE][+-]?\\d+)");
  private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?\\d+");
  private static final BigDecimal KI = BigDecimal.valueOf(1024);
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", KI),
          Map.entry("Mi", KI.pow(2)),
          Map.entry("Gi", KI.pow(3)),
          Map.entry("Ti", KI.pow(4)),
          Map.entry("Pi", KI.pow(5)),
          Map.entry("Ei", KI.pow(6)));
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private Quantities() {}

  /** The exact value of a quantity string; empty when {@code text} is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    Matcher m = QUANTITY.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (EXPONENT.matcher(suffix).matches()) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
    }
    BigDecimal multiplier = SUFFIXES.get(suffix);
    return multiplier == null ? Optional.empty() : Optional.of(number.multiply(multiplier));
  }

  /**
   * A quantity in JSON (a string, or a number as some fields carry it) as a whole number, rounded
   * up as Go's {@code Quantity.Value()} does; 0 when missing, not a quantity or out of range.
   */
  public static long value(JsonNode quantity) {
    if (quantity.isNumber()) {
      return quantity.asLong();
    }
    if (!quantity.isString()) {
      return 0;
    }
    try {
      return parse(quantity.asString())
          .map(v -> v.setScale(0, RoundingMode.CEILING).longValueExact())
          .orElse(0L);
    } catch (ArithmeticException e) {
      return 0;
    }
  }

  /**
   * A byte count as Kubernetes prints {@code resource.NewQuantity(n, BinarySI)}: below 1024 the
   * plain number; otherwise divided by the largest power of 1024 that divides it exactly, with its
   * suffix ({@code 10Gi}, {@code 1536}).
   */
  public static String binary(long bytes) {
    if (bytes > -1024 && bytes < 1024) {
      return Long.toString(bytes);
    }
    long value = bytes;
    int exponent = 0;
    while (value % 1024 == 0 && exponent < BINARY.length - 1) {
      value /= 1024;
      exponent++;
    }
    return value + BINARY[exponent];
  }
}
