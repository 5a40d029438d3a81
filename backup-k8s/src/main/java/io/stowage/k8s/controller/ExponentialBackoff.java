package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Per-key retry delays that double with each failure: {@code base}, {@code 2 * base}, {@code 4 *
 * base}, ... up to {@code max} (client-go's item exponential failure rate limiter).
 */
final class ExponentialBackoff {
  private final Duration base;
  private final Duration max;

  ExponentialBackoff(Duration base, Duration max) {
    this.base = requireNonNull(base, "base is null");
    this.max = requireNonNull(max, "max is null");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "back-off needs 0 < base <= max, got base " + base + " and max " + max);
    }
  }

  /** The delay before retry number {@code failures} (1 for the first retry). */
  Duration delay(int failures) {
    if (failures <= 1) {
      return base;
    }
    int shift = Math.min(failures - 1, 30);
    long millis = base.toMillis() << shift;
    if (millis <= 0 || millis > max.toMillis()) {
      return max;
    }
    return Duration.ofMillis(millis);
  }
}
