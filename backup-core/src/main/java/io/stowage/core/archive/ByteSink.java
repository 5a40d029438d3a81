package io.stowage.core.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronised byte buffer for the JSON encoder. With a target stream it flushes to it
 * whenever the buffer fills; without one it grows and {@link #toByteArray()} returns the bytes.
 */
final class ByteSink {
  private static final int FLUSH_SIZE = 8 * 1024;

  private final OutputStream target;
  private byte[] buffer;
  private int count;

  private ByteSink(OutputStream target, int initialSize) {
    this.target = target;
    this.buffer = new byte[initialSize];
  }

  /** A growing in-memory sink. */
  static ByteSink inMemory() {
    return new ByteSink(null, 1024);
  }

  /** A sink that passes its bytes on to {@code target} in blocks. */
  static ByteSink flushingTo(OutputStream target) {
    return new ByteSink(target, FLUSH_SIZE);
  }

  void write(int b) throws IOException {
    if (count == buffer.length) {
      makeRoom(1);
    }
    buffer[count++] = (byte) b;
  }

  /** Writes the low byte of each char of an ASCII-only string. */
  void writeAscii(String ascii) throws IOException {
    int length = ascii.length();
    if (buffer.length - count < length) {
      makeRoom(length);
    }
    if (buffer.length - count < length) {
      for (int i = 0; i < length; i++) {
        write(ascii.charAt(i));
      }
      return;
    }
    for (int i = 0; i < length; i++) {
      buffer[count++] = (byte) ascii.charAt(i);
    }
  }

  /**
   * Copies the chars of {@code s} from {@code from} on, one byte each, as long as they are below
   * 128 and {@code plain} allows them; returns the index of the first char not copied ({@code
   * s.length()} when all were).
   */
  int writePlainAscii(String s, int from, boolean[] plain) throws IOException {
    int length = s.length();
    int i = from;
    while (i < length) {
      if (count == buffer.length) {
        makeRoom(length - i);
      }
      byte[] bytes = buffer;
      int position = count;
      int end = Math.min(length, i + bytes.length - position);
      while (i < end) {
        char c = s.charAt(i);
        if (c >= 0x80 || !plain[c]) {
          count = position;
          return i;
        }
        bytes[position++] = (byte) c;
        i++;
      }
      count = position;
    }
    return i;
  }

  private void makeRoom(int needed) throws IOException {
    if (target != null) {
      flush();
    } else {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + needed));
    }
  }

  /** Passes buffered bytes to the target; a no-op for an in-memory sink. */
  void flush() throws IOException {
    if (target != null && count > 0) {
      target.write(buffer, 0, count);
      count = 0;
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, count);
  }
}
