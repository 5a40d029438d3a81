package io.stowage.core.archive;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Encodes a Jackson tree as Go's {@code encoding/json} encodes the matching Go value, with HTML
 * escaping on (as {@code json.Marshal} and a default {@code json.Encoder} have it). One instance
 * per call; not thread-safe.
 */
final class GoJsonWriter {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** ASCII bytes Go writes as they are in a string with HTML escaping on. */
  private static final boolean[] SAFE = new boolean[128];

  static {
    for (int c = 0x20; c < 128; c++) {
      SAFE[c] = true;
    }
    SAFE['"'] = false;
    SAFE['\\'] = false;
    SAFE['<'] = false;
    SAFE['>'] = false;
    SAFE['&'] = false;
  }

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ByteSink out;
  private final boolean sortKeys;

  GoJsonWriter(ByteSink out, boolean sortKeys) {
    this.out = out;
    this.sortKeys = sortKeys;
  }

  void write(JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node);
      case ARRAY -> writeArray(node);
      case STRING -> writeString(node.stringValue());
      case NUMBER -> writeNumber(node);
      case BOOLEAN -> out.writeAscii(node.booleanValue() ? "true" : "false");
      case NULL -> out.writeAscii("null");
      // Go encodes []byte as a base64 string.
      case BINARY -> writeString(Base64.getEncoder().encodeToString(node.binaryValue()));
      default ->
          throw new BackupException(
              StandardErrorCode.INVALID_ARGUMENT,
              "Cannot encode a JSON tree holding a "
                  + node.getNodeType()
                  + " node ("
                  + node.getClass().getSimpleName()
                  + "); only plain JSON values can be written to a backup");
    }
  }

  private void writeObject(JsonNode node) throws IOException {
    out.write('{');
    boolean first = true;
    if (sortKeys) {
      @SuppressWarnings("unchecked")
      Map.Entry<String, JsonNode>[] entries = node.properties().toArray(new Map.Entry[0]);
      Arrays.sort(entries, (a, b) -> CodePointOrder.INSTANCE.compare(a.getKey(), b.getKey()));
      for (Map.Entry<String, JsonNode> entry : entries) {
        first = property(entry, first);
      }
    } else {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        first = property(entry, first);
      }
    }
    out.write('}');
  }

  private boolean property(Map.Entry<String, JsonNode> entry, boolean first) throws IOException {
    if (!first) {
      out.write(',');
    }
    writeString(entry.getKey());
    out.write(':');
    write(entry.getValue());
    return false;
  }

  private void writeArray(JsonNode node) throws IOException {
    out.write('[');
    boolean first = true;
    for (JsonNode element : node.values()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      write(element);
    }
    out.write(']');
  }

  /**
   * Go's number path for an unstructured object: an integer literal that fits int64 stays an
   * integer; anything else is a float64 (a float32 for a {@code FloatNode}).
   */
  private void writeNumber(JsonNode node) throws IOException {
    if (node.isIntegralNumber()) {
      BigInteger value = node.isBigInteger() ? node.bigIntegerValue() : null;
      if (value == null) {
        out.writeAscii(Long.toString(node.longValue()));
      } else if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
        out.writeAscii(value.toString());
      } else {
        out.writeAscii(GoFloatFormat.format64(finite(value.doubleValue(), node)));
      }
    } else if (node.isFloat()) {
      out.writeAscii(GoFloatFormat.format32((float) finite(node.floatValue(), node)));
    } else {
      out.writeAscii(GoFloatFormat.format64(finite(node.doubleValue(), node)));
    }
  }

  private static double finite(double value, JsonNode node) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "Cannot encode the number "
              + node
              + ": it is not a finite float64, which JSON (and Go) cannot represent");
    }
    return value;
  }

  /** A JSON string as Go writes it: escapes for Go's short forms, HTML, U+2028/9; UTF-8. */
  private void writeString(String s) throws IOException {
    out.write('"');
    int length = s.length();
    // Runs of plain ASCII, the bulk of Kubernetes strings, are copied in one call.
    for (int i = out.writePlainAscii(s, 0, SAFE); i < length; i = out.writePlainAscii(s, i, SAFE)) {
      char c = s.charAt(i++);
      if (c < 0x80) {
        if (SAFE[c]) {
          out.write(c);
        } else {
          escapeAscii(c);
        }
      } else if (c < 0x800) {
        out.write(0xC0 | (c >> 6));
        out.write(0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        int width = CodePointOrder.width(s, i - 1);
        int codePoint = CodePointOrder.scalarAt(s, i - 1);
        if (width == 2) {
          out.write(0xF0 | (codePoint >> 18));
          out.write(0x80 | ((codePoint >> 12) & 0x3F));
          out.write(0x80 | ((codePoint >> 6) & 0x3F));
          out.write(0x80 | (codePoint & 0x3F));
          i++;
        } else {
          threeBytes(codePoint);
        }
      } else if (c == 0x2028 || c == 0x2029) {
        out.writeAscii(c == 0x2028 ? "\\u2028" : "\\u2029");
      } else {
        threeBytes(c);
      }
    }
    out.write('"');
  }

  private void threeBytes(int c) throws IOException {
    out.write(0xE0 | (c >> 12));
    out.write(0x80 | ((c >> 6) & 0x3F));
    out.write(0x80 | (c & 0x3F));
  }

  private void escapeAscii(char c) throws IOException {
    out.write('\\');
    switch (c) {
      case '"', '\\' -> out.write(c);
      case '\b' -> out.write('b');
      case '\f' -> out.write('f');
      case '\n' -> out.write('n');
      case '\r' -> out.write('r');
      case '\t' -> out.write('t');
      default -> {
        out.writeAscii("u00");
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xF]);
      }
    }
  }
}
