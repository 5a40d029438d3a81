package io.stowage.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** How the CLI writes times, durations, lists and maps: as Velero's command line does. */
final class Text {
  static final String NONE = "<none>";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", Locale.ROOT);

  private Text() {}

  /** Go's {@code time.Time} string in the local zone, {@code 2026-01-02 03:04:05 +0000 UTC}. */
  static String time(Instant time) {
    return time == null ? "<nil>" : TIME.format(time.atZone(ZoneId.systemDefault()));
  }

  /** Velero's {@code humanReadableTimeFromNow}: {@code 29d}, {@code 5m}, {@code 3h ago}. */
  static String fromNow(Instant when, Instant now) {
    if (when == null) {
      return "n/a";
    }
    if (!when.isBefore(now)) {
      return shortDuration(Duration.between(now, when));
    }
    return shortDuration(Duration.between(when, now)) + " ago";
  }

  /** Kubernetes' {@code duration.ShortHumanDuration}. */
  static String shortDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 24) {
      return hours + "h";
    } else if (hours < 24 * 365) {
      return hours / 24 + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /** {@code a, b, c}, or {@code <none>} when empty. */
  static String list(List<String> values) {
    return values == null || values.isEmpty() ? NONE : String.join(", ", values);
  }

  /** {@code k=v, k2=v2} sorted by key, or {@code <none>} when empty. */
  static String pairs(Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return NONE;
    }
    StringJoiner joined = new StringJoiner(", ");
    new TreeMap<>(values).forEach((k, v) -> joined.add(k + "=" + v));
    return joined.toString();
  }

  /** A value, or {@code <none>} when null or empty. */
  static String orNone(Object value) {
    return value == null || value.toString().isEmpty() ? NONE : value.toString();
  }
}
