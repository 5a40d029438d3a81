package io.stowage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class QuantitiesTest {
  @Test
  void parsesBinaryDecimalAndExponentForms() {
    assertThat(Quantities.parse("10Gi")).contains(BigDecimal.valueOf(10L << 30));
    assertThat(Quantities.parse("1.5Gi").map(BigDecimal::longValueExact)).contains(3L << 29);
    assertThat(Quantities.parse("5G").map(BigDecimal::longValueExact)).contains(5_000_000_000L);
    assertThat(Quantities.parse("1e3").map(BigDecimal::longValueExact)).contains(1000L);
    assertThat(Quantities.parse("2E").map(BigDecimal::toBigIntegerExact).map(Object::toString))
        .contains("2000000000000000000");
    assertThat(Quantities.parse("500")).contains(BigDecimal.valueOf(500));
    assertThat(Quantities.parse("500m").map(BigDecimal::doubleValue)).contains(0.5);
    assertThat(Quantities.parse("10 apples")).isEmpty();
    assertThat(Quantities.parse("1Ek")).isEmpty();
    assertThat(Quantities.parse("")).isEmpty();
  }

  @Test
  void valuesOfJsonQuantitiesRoundUpAndDefaultToZero() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    assertThat(Quantities.value(json.stringNode("2Gi"))).isEqualTo(2L << 30);
    assertThat(Quantities.value(json.stringNode("1.5"))).isEqualTo(2);
    assertThat(Quantities.value(json.numberNode(4096))).isEqualTo(4096);
    assertThat(Quantities.value(json.stringNode("lots"))).isZero();
    assertThat(Quantities.value(json.stringNode("100E"))).as("beyond a long").isZero();
    assertThat(Quantities.value(json.missingNode())).isZero();
  }

  @Test
  void printsByteCountsAsKubernetesBinarySi() {
    assertThat(Quantities.binary(10L << 30)).isEqualTo("10Gi");
    assertThat(Quantities.binary(1536)).isEqualTo("1536");
    assertThat(Quantities.binary(3 * 1024)).isEqualTo("3Ki");
    assertThat(Quantities.binary(1000)).isEqualTo("1000");
    assertThat(Quantities.binary(0)).isEqualTo("0");
    assertThat(Quantities.binary(5L << 40)).isEqualTo("5Ti");
  }
}
