package io.stowage.store.s3;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * One part's bytes in memory, with the digests of exactly those bytes computed while they were
 * read. Grows on demand up to the part size and is reused for later parts, so an upload holds at
 * most two of these whatever the object's size.
 */
final class PartBuffer {
  private static final int INITIAL_CAPACITY = 64 * 1024;

  private byte[] bytes = new byte[0];
  private int length;
  private byte[] md5;
  private Optional<byte[]> checksum = Optional.empty();

  /** Empties the buffer for reuse. */
  void clear() {
    length = 0;
    md5 = null;
    checksum = Optional.empty();
  }

  int length() {
    return length;
  }

  /** Appends, growing the array by doubling up to {@code limit} bytes. */
  void append(byte[] source, int offset, int count, int limit) {
    ensureCapacity(length + count, limit);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  /** Room to write directly; see {@link #array()} and {@link #advance}. */
  void ensureCapacity(int needed, int limit) {
    if (needed <= bytes.length) {
      return;
    }
    int capacity = Math.max(INITIAL_CAPACITY, bytes.length);
    while (capacity < needed) {
      capacity = (int) Math.min((long) capacity * 2, limit);
    }
    bytes = Arrays.copyOf(bytes, capacity);
  }

  byte[] array() {
    return bytes;
  }

  int capacity() {
    return bytes.length;
  }

  void advance(int count) {
    length += count;
  }

  /** Records the digests computed over {@code [0, length)}. */
  void seal(byte[] md5, Optional<byte[]> checksum) {
    this.md5 = md5;
    this.checksum = checksum;
  }

  byte[] md5() {
    return md5;
  }

  String md5Base64() {
    return Base64.getEncoder().encodeToString(md5);
  }

  String md5Hex() {
    return hex(md5);
  }

  Optional<byte[]> checksum() {
    return checksum;
  }

  Optional<String> checksumBase64() {
    return checksum.map(c -> Base64.getEncoder().encodeToString(c));
  }

  /** A new stream over the content; the SDK calls this again on each retry. */
  InputStream newStream() {
    return new ByteArrayInputStream(bytes, 0, length);
  }

  static String hex(byte[] value) {
    StringBuilder out = new StringBuilder(value.length * 2);
    for (byte b : value) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
