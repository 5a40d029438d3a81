package io.stowage.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Expected bytes are what Go's encoding/json (1.22 and later) writes for the same value. */
class GoJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  private static String marshal(JsonNode node) {
    return new String(GoJson.marshal(node), StandardCharsets.UTF_8);
  }

  private static String marshal(String text) {
    return marshal(json(text));
  }

  private static String string(String value) {
    return marshal(NODES.stringNode(value));
  }

  @Test
  void sortsKeysAtEveryDepthAndWritesCompactly() {
    assertThat(
            marshal(
                "{ \"kind\": \"Pod\", \"apiVersion\": \"v1\",\n"
                    + " \"metadata\": {\"name\": \"p\", \"labels\": {\"b\": \"2\", \"a\": \"1\"}},"
                    + " \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"i\"}]} }"))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"},"
                + "\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"c\"}]}}");
  }

  @Test
  void sortsKeysByCodePointLikeGoSortsUtf8Bytes() {
    ObjectNode node = NODES.objectNode();
    node.put("\uD83D\uDE00", 1); // U+1F600: UTF-16 D83D sorts before FF61, UTF-8 F0.. after
    node.put("\uFF61", 2);
    node.put("ab", 3);
    node.put("a", 4);
    node.put("B", 5);
    node.put("", 6);
    assertThat(marshal(node))
        .isEqualTo("{\"\":6,\"B\":5,\"a\":4,\"ab\":3,\"\uFF61\":2,\"\uD83D\uDE00\":1}");
  }

  @Test
  void escapesHtmlCharacters() {
    assertThat(string("<a href=\"x\">&amp;</a>"))
        .isEqualTo("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"");
  }

  @Test
  void escapesControlCharactersAsGoDoes() {
    assertThat(string("\n\r\t\b\f\\\"\u0000\u0001\u001b\u001f"))
        .isEqualTo("\"\\n\\r\\t\\b\\f\\\\\\\"\\u0000\\u0001\\u001b\\u001f\"");
    // DEL and C1 controls are not escaped by Go.
    assertThat(GoJson.marshal(NODES.stringNode("\u007f\u0085")))
        .containsExactly('"', 0x7f, 0xc2, 0x85, '"');
  }

  @Test
  void writesNonAsciiAsUtf8ButEscapesLineAndParagraphSeparators() {
    assertThat(GoJson.marshal(NODES.stringNode("é日\uD83D\uDE00")))
        .isEqualTo("\"é日\uD83D\uDE00\"".getBytes(StandardCharsets.UTF_8));
    assertThat(string("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
  }

  @Test
  void writesALoneSurrogateAsTheReplacementCharacter() {
    assertThat(GoJson.marshal(NODES.stringNode("a\uD800b\uDC00")))
        .isEqualTo("\"a\uFFFDb\uFFFD\"".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 0",
        "-0 | 0",
        "-5 | -5",
        "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "9223372036854775808 | 9223372036854776000",
        "123456789012345678901234 | 1.2345678901234569e+23",
        "1.5 | 1.5",
        "1.0 | 1",
        "-0.0 | -0",
        "1e3 | 1000",
        "100.50 | 100.5",
        "0.1 | 0.1",
        "0.3333333333333333 | 0.3333333333333333",
        "3.141592653589793 | 3.141592653589793",
        "0.000001 | 0.000001",
        "0.0000001 | 1e-7",
        "1.5e-10 | 1.5e-10",
        "1e20 | 100000000000000000000",
        "1e21 | 1e+21",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "5e-324 | 5e-324",
        "282879384806159000 | 282879384806159000",
        "2.82879384806159E17 | 282879384806159000",
        "123456789.125 | 123456789.125",
        "9007199254740993.0 | 9007199254740992",
      })
  void writesNumbersAsGoWritesThemAfterAnUnstructuredDecode(String input, String expected) {
    assertThat(marshal("[" + input + "]")).isEqualTo("[" + expected + "]");
  }

  @Test
  void writesHandBuiltNumberNodesByTheirValue() {
    assertThat(marshal(NODES.numberNode(0.1f))).isEqualTo("0.1");
    assertThat(marshal(NODES.numberNode(new BigDecimal("2.50")))).isEqualTo("2.5");
    assertThat(marshal(NODES.numberNode((short) 7))).isEqualTo("7");
  }

  @Test
  void refusesNumbersJsonCannotHold() {
    assertThatThrownBy(() -> GoJson.marshal(NODES.numberNode(Double.NaN)))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> GoJson.marshal(NODES.numberNode(Double.POSITIVE_INFINITY)))
        .isInstanceOf(BackupException.class);
  }

  @Test
  void writesArraysEmptyContainersNullsAndBooleans() {
    assertThat(marshal("{\"z\": [], \"y\": {}, \"x\": null, \"w\": [true, false, null, {}, [[]]]}"))
        .isEqualTo("{\"w\":[true,false,null,{},[[]]],\"x\":null,\"y\":{},\"z\":[]}");
    assertThat(marshal(NODES.nullNode())).isEqualTo("null");
    assertThat(marshal(NODES.binaryNode(new byte[] {1, 2, 3}))).isEqualTo("\"AQID\"");
  }

  @Test
  void compactWithNewlineKeepsTheGivenOrderAndEndsWithANewline() {
    assertThat(
            new String(
                GoJson.compactWithNewline(json("{\"b\": {\"d\": 1, \"c\": \"<\"}, \"a\": [1]}")),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"b\":{\"d\":1,\"c\":\"\\u003c\"},\"a\":[1]}\n");
  }

  @Test
  void streamingWritesTheSameBytes() throws IOException {
    ObjectNode big = NODES.objectNode();
    for (int i = 0; i < 2_000; i++) {
      big.put("key-" + (2_000 - i), "välue <" + i + ">");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GoJson.marshal(big, out);
    assertThat(out.toByteArray()).isEqualTo(GoJson.marshal(big)).hasSizeGreaterThan(40_000);

    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    GoJson.compactWithNewline(big, lines);
    assertThat(lines.toByteArray()).isEqualTo(GoJson.compactWithNewline(big));
  }
}
