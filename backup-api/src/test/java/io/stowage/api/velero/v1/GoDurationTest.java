package io.stowage.api.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class GoDurationTest {
  @ParameterizedTest(name = "{0} -> {1} ns -> {2}")
  @CsvSource({
    "720h0m0s, 2592000000000000, 720h0m0s",
    "720h, 2592000000000000, 720h0m0s",
    "10m, 600000000000, 10m0s",
    "10m0s, 600000000000, 10m0s",
    "1h30m, 5400000000000, 1h30m0s",
    "30s, 30000000000, 30s",
    "90s, 90000000000, 1m30s",
    "1.5h, 5400000000000, 1h30m0s",
    "0s, 0, 0s",
    "0, 0, 0s",
    "-0, 0, 0s",
    "300ms, 300000000, 300ms",
    "1.5s, 1500000000, 1.5s",
    "1m1.5s, 61500000000, 1m1.5s",
    "1h0m0.000000001s, 3600000000001, 1h0m0.000000001s",
    "4h0m0s, 14400000000000, 4h0m0s",
    "100ns, 100, 100ns",
    "1500ns, 1500, 1.5\u00b5s",
    "2us, 2000, 2\u00b5s",
    "2\u00b5s, 2000, 2\u00b5s",
    "2\u03bcs, 2000, 2\u00b5s",
    "1.001ms, 1001000, 1.001ms",
    ".5s, 500000000, 500ms",
    "1.s, 1000000000, 1s",
    "+5m, 300000000000, 5m0s",
    "-1m30s, -90000000000, -1m30s",
    "1h1h, 7200000000000, 2h0m0s",
    "2562047h47m16.854775807s, 9223372036854775807, 2562047h47m16.854775807s",
    "-2562047h47m16.854775808s, -9223372036854775808, -2562047h47m16.854775808s",
  })
  void parsesAndFormatsAsGo(String text, long nanos, String formatted) {
    GoDuration duration = GoDuration.parse(text);

    assertThat(duration.toNanos()).isEqualTo(nanos);
    assertThat(duration).hasToString(formatted);
    assertThat(GoDuration.parse(formatted)).isEqualTo(duration);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+",
        "5",
        "1h5",
        "h",
        ".s",
        "1.2.3s",
        "1d",
        "3 m",
        "1hx",
        "ms",
        "2562047h47m16.854775808s",
        "9999999999999999999h"
      })
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration");
  }

  @Test
  void convertsToAndFromJavaDurations() {
    assertThat(GoDuration.of(Duration.ofMinutes(10))).hasToString("10m0s");
    assertThat(GoDuration.ofHours(720).toDuration()).isEqualTo(Duration.ofDays(30));
    assertThat(GoDuration.ofSeconds(30)).isEqualTo(GoDuration.parse("30s"));
    assertThat(GoDuration.ZERO.isZero()).isTrue();
    assertThat(GoDuration.parse("-1s").isNegative()).isTrue();
    assertThat(GoDuration.ofMinutes(1)).isLessThan(GoDuration.ofSeconds(61));
    assertThatThrownBy(() -> GoDuration.of(Duration.ofDays(365L * 300)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void jacksonReadsAndWritesTheGoString() {
    JsonMapper mapper = JsonMapper.builder().build();

    assertThat(mapper.writeValueAsString(GoDuration.ofSeconds(90))).isEqualTo("\"1m30s\"");
    assertThat(mapper.readValue("\"2h45m\"", GoDuration.class))
        .isEqualTo(GoDuration.ofMinutes(165));
    assertThatThrownBy(() -> mapper.readValue("\"soon\"", GoDuration.class))
        .hasMessageContaining("invalid duration \"soon\"");
  }
}
