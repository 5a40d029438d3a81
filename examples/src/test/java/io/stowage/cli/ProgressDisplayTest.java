package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-06T23:40:00.250Z"));
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void plainLinesAreTimestampedAndAtMostOneASecondWithTheLastStateAtTheEnd() {
    ProgressDisplay display = new ProgressDisplay(out, false, "nightly", clock);

    clock.advance(Duration.ofMillis(100));
    display.update(0, 40);
    clock.advance(Duration.ofMillis(500));
    display.update(10, 40); // under a second after the last line: not shown yet
    clock.advance(Duration.ofMillis(600));
    display.update(20, 40);
    clock.advance(Duration.ofMillis(300));
    display.update(40, 40);
    display.finish();
    display.finish();

    assertThat(text.toString().lines())
        .containsExactly(
            "2026-12-06T23:40:00Z Backup nightly: 0/40 items, 0s",
            "2026-12-06T23:40:01Z Backup nightly: 20/40 items, 1s",
            "2026-12-06T23:40:01Z Backup nightly: 40/40 items, 1s");
  }

  @Test
  void plainFinishAddsNothingWhenTheLastStateWasShown() {
    ProgressDisplay display = new ProgressDisplay(out, false, "b", clock);
    display.update(3, 3);
    display.update(3, 3);
    display.finish();

    assertThat(text.toString().lines()).hasSize(1);
  }

  @Test
  void terminalRedrawsOneLineInPlaceAndEndsIt() {
    ProgressDisplay display = new ProgressDisplay(out, true, "nightly", clock);

    display.update(1, 120);
    clock.advance(Duration.ofSeconds(3));
    display.update(60, 120);
    clock.advance(Duration.ofSeconds(62));
    display.update(120, 120);
    display.finish();

    String bar = "=".repeat(15) + ">" + " ".repeat(14);
    assertThat(text.toString())
        .isEqualTo(
            "\rBackup nightly ["
                + " ".repeat(30)
                + "] 1/120 items 0:00"
                + "\rBackup nightly ["
                + bar
                + "] 60/120 items 0:03"
                + "\rBackup nightly ["
                + "=".repeat(30)
                + "] 120/120 items 1:05"
                + System.lineSeparator());
  }

  @Test
  void terminalPadsAShorterLineOverTheLongerOne() {
    ProgressDisplay display = new ProgressDisplay(out, true, "b", clock);
    display.update(1000, 1000);
    display.update(1, 1);

    String[] draws = text.toString().split("\r");
    assertThat(draws[2]).hasSameSizeAs(draws[1]).endsWith("   ");
  }

  @Test
  void barAndClockTime() {
    assertThat(ProgressDisplay.bar(0, 0)).isEqualTo("[" + " ".repeat(30) + "]");
    assertThat(ProgressDisplay.bar(5, 3)).isEqualTo("[" + "=".repeat(30) + "]");
    assertThat(ProgressDisplay.clockTime(Duration.ofSeconds(59))).isEqualTo("0:59");
    assertThat(ProgressDisplay.clockTime(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
  }

  /** A clock that moves only when told. */
  private static final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
