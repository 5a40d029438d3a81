package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Shows the progress of one running backup (items backed up of the total known so far, and the time
 * since it started), from the backupper's progress reports or a Backup's {@code status.progress}.
 *
 * <p>On a terminal it is one line redrawn in place: {@code Backup nightly [=====> ] 45/120 items
 * 0:03}. Elsewhere (a pipe, a file, CI logs) it is plain lines, at most one a second, each starting
 * with a UTC timestamp: {@code 2026-12-06T23:40:01Z Backup nightly: 45/120 items, 3s}. {@link
 * #finish()} always leaves the last state shown and the cursor on a new line. Thread-safe.
 */
final class ProgressDisplay {
  private static final int BAR_WIDTH = 30;
  private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(1);

  private final PrintWriter out;
  private final boolean terminal;
  private final String name;
  private final Clock clock;
  private final Instant started;

  private int done = -1;
  private int total = -1;
  private boolean shown = true;
  private Instant lastPrinted;
  private int drawnWidth;

  /**
   * @param terminal {@code true} when {@code out} is a terminal
   * @param name the backup's name, shown on every update
   * @param clock for the elapsed time and the timestamps
   */
  ProgressDisplay(PrintWriter out, boolean terminal, String name, Clock clock) {
    this.out = requireNonNull(out, "out is null");
    this.terminal = terminal;
    this.name = requireNonNull(name, "name is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.started = clock.instant();
  }

  /** On the system clock. */
  ProgressDisplay(PrintWriter out, boolean terminal, String name) {
    this(out, terminal, name, Clock.systemUTC());
  }

  /** Records the latest counts and shows them (plain lines: unless one was shown under 1 s ago). */
  synchronized void update(int itemsBackedUp, int totalItems) {
    if (itemsBackedUp == done && totalItems == total) {
      return;
    }
    done = itemsBackedUp;
    total = totalItems;
    shown = false;
    Instant now = clock.instant();
    if (terminal) {
      draw(now);
    } else if (lastPrinted == null
        || Duration.between(lastPrinted, now).compareTo(PLAIN_INTERVAL) >= 0) {
      printLine(now);
    }
  }

  /** Shows the last counts if they are not on screen yet and ends the line. Idempotent. */
  synchronized void finish() {
    Instant now = clock.instant();
    if (terminal) {
      if (drawnWidth > 0) {
        if (!shown) {
          draw(now);
        }
        out.println();
        out.flush();
        drawnWidth = 0;
      }
    } else if (!shown && done >= 0) {
      printLine(now);
    }
    shown = true;
  }

  private void draw(Instant now) {
    String line =
        "Backup "
            + name
            + " "
            + bar(done, total)
            + " "
            + done
            + "/"
            + total
            + " items "
            + clockTime(Duration.between(started, now));
    int pad = Math.max(0, drawnWidth - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    drawnWidth = line.length();
    shown = true;
  }

  private void printLine(Instant now) {
    out.println(
        now.truncatedTo(ChronoUnit.SECONDS)
            + " Backup "
            + name
            + ": "
            + done
            + "/"
            + total
            + " items, "
            + Duration.between(started, now).toSeconds()
            + "s");
    out.flush();
    lastPrinted = now;
    shown = true;
  }

  /** {@code [=====> ]}: full when done equals total; empty while the total is unknown. */
  static String bar(int done, int total) {
    int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
    StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('[');
    bar.append("=".repeat(filled));
    if (filled < BAR_WIDTH) {
      bar.append(filled > 0 ? ">" : " ").append(" ".repeat(BAR_WIDTH - filled - 1));
    }
    return bar.append(']').toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clockTime(Duration elapsed) {
    long seconds = Math.max(0, elapsed.toSeconds());
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
