package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;

/**
 * Micrometer's Prometheus naming, except that a gauge keeps a name ending in {@code _total}.
 *
 * <p>The Prometheus registry strips {@code _total} from every name and appends it to counters only,
 * so Velero's gauges {@code velero_backup_total} and {@code velero_backup_items_total} would be
 * exposed as {@code velero_backup} and {@code velero_backup_items}. Counters are left to the
 * registry: a counter registered as {@code velero_backup_attempt_total} is exposed under that name.
 */
final class VeleroNamingConvention implements NamingConvention {
  private static final String TOTAL = "_total";

  private final NamingConvention delegate;

  VeleroNamingConvention(NamingConvention delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  @Override
  public String name(String name, Meter.Type type, String baseUnit) {
    if (type == Meter.Type.GAUGE && name.endsWith(TOTAL)) {
      String stem = delegate.name(name.substring(0, name.length() - TOTAL.length()), type, null);
      return stem + TOTAL;
    }
    return delegate.name(name, type, baseUnit);
  }

  @Override
  public String tagKey(String key) {
    return delegate.tagKey(key);
  }

  @Override
  public String tagValue(String value) {
    return delegate.tagValue(value);
  }
}
