package io.stowage.core.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Kubernetes resource quantity as a whole number, as Go's {@code Quantity.Value()} gives it
 * (rounded up): enough for the sizes in VolumeSnapshot statuses ({@code "10Gi"}, {@code "1.5G"},
 * {@code "1e3"}, or a plain number).
 */
final class StorageQuantity {
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

  private StorageQuantity() {}

  /** The value of a quantity (string or number); 0 when missing or not a quantity. */
  static long bytes(JsonNode value) {
    if (value.isNumber()) {
      return value.asLong();
    }
    if (!value.isString()) {
      return 0;
    }
    Matcher m = QUANTITY.matcher(value.asString().trim());
    if (!m.matches()) {
      return 0;
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    BigDecimal exact;
    if (EXPONENT.matcher(suffix).matches()) {
      exact = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    } else {
      BigDecimal multiplier = SUFFIXES.get(suffix);
      if (multiplier == null) {
        return 0;
      }
      exact = number.multiply(multiplier);
    }
    try {
      return exact.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      return 0;
    }
  }
}
