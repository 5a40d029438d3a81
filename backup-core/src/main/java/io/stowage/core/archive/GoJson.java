package io.stowage.core.archive;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/**
 * JSON exactly as Velero's Go code writes it, so that files Stowage writes match Velero's byte for
 * byte.
 *
 * <p>{@link #marshal} is Go's {@code json.Marshal} of an unstructured object (a {@code
 * map[string]interface{}}), used for the item files in the tarball:
 *
 * <ul>
 *   <li>compact, no trailing newline; object keys sorted at every depth by code point (the byte
 *       order of their UTF-8, as Go sorts map keys);
 *   <li>strings: {@code \"}, {@code \\}, {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}
 *       short forms (Go 1.22 and later); other control characters as <code>&#92;u00XX</code> with
 *       lower-case hex; {@code <}, {@code >}, {@code &} as <code>&#92;u003c</code>, <code>
 *       &#92;u003e</code>, <code>&#92;u0026</code>; U+2028 and U+2029 as <code>&#92;u2028</code>
 *       and <code>&#92;u2029</code>; DEL and every other character as UTF-8, unescaped; a lone
 *       surrogate as U+FFFD (what Go's decoder makes of one);
 *   <li>numbers take Go's path through an unstructured object: an integer that fits int64 is
 *       written as that integer; every other number (a fraction, an exponent, an integer beyond
 *       int64) becomes a float64 written in Go's shortest form ({@code 1.0} becomes {@code 1},
 *       {@code 1e3} becomes {@code 1000}, {@code 1e21} becomes {@code 1e+21}). Jackson keeps no
 *       textual form of floats ({@code DoubleNode}), and Velero's Go code keeps none either, so
 *       this is what Velero writes. NaN and infinities are refused ({@code INVALID_ARGUMENT}), as
 *       Go refuses them;
 *   <li>{@code true}, {@code false}, {@code null}; binary nodes as base64 strings. POJO and missing
 *       nodes are refused.
 * </ul>
 *
 * <p>{@link #compactWithNewline} is a default Go {@code json.Encoder}: the same escaping, the keys
 * in the order given, and a {@code \n} at the end. Velero's side files (resource list, results,
 * volume snapshot lists) are Go structs, whose fields come out in declaration order; build the tree
 * in that order. (Maps inside such structs are sorted by Go: sort those yourself.)
 *
 * <p>Thread-safe: every call is independent.
 */
public final class GoJson {
  private GoJson() {}

  /** {@code json.Marshal} of an unstructured object: compact, keys sorted, no newline. */
  public static byte[] marshal(JsonNode node) {
    return toBytes(node, true, false);
  }

  /**
   * As {@link #marshal(JsonNode)}, straight to {@code out} (which is neither flushed nor closed).
   */
  public static void marshal(JsonNode node, OutputStream out) throws IOException {
    toStream(node, out, true, false);
  }

  /** A default {@code json.Encoder}: compact, keys in the given order, then {@code \n}. */
  public static byte[] compactWithNewline(JsonNode node) {
    return toBytes(node, false, true);
  }

  /** As {@link #compactWithNewline(JsonNode)}, straight to {@code out} (not flushed or closed). */
  public static void compactWithNewline(JsonNode node, OutputStream out) throws IOException {
    toStream(node, out, false, true);
  }

  private static byte[] toBytes(JsonNode node, boolean sortKeys, boolean newline) {
    requireNonNull(node, "node is null");
    ByteSink sink = ByteSink.inMemory();
    try {
      encode(node, sink, sortKeys, newline);
    } catch (IOException e) {
      throw new UncheckedIOException("an in-memory sink cannot fail", e);
    }
    return sink.toByteArray();
  }

  private static void toStream(JsonNode node, OutputStream out, boolean sortKeys, boolean newline)
      throws IOException {
    requireNonNull(node, "node is null");
    requireNonNull(out, "out is null");
    ByteSink sink = ByteSink.flushingTo(out);
    encode(node, sink, sortKeys, newline);
    sink.flush();
  }

  private static void encode(JsonNode node, ByteSink sink, boolean sortKeys, boolean newline)
      throws IOException {
    new GoJsonWriter(sink, sortKeys).write(node);
    if (newline) {
      sink.write('\n');
    }
  }
}
