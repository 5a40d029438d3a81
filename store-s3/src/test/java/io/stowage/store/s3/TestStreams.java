package io.stowage.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Generated content for upload tests: any length, never held in memory. */
final class TestStreams {
  private TestStreams() {}

  /**
   * A stream of {@code size} pseudo-random bytes (xorshift) that feeds every byte it serves into
   * {@link #digest()}. Its length is unknown to the reader: {@code available()} says 0.
   */
  static final class Generated extends InputStream {
    private final long size;
    private final long failAfter;
    private final MessageDigest sha256;
    private long served;
    private long state;

    Generated(long size, long seed) {
      this(size, seed, -1);
    }

    /** Fails with an IOException once {@code failAfter} bytes were served (-1: never). */
    Generated(long size, long seed, long failAfter) {
      this.size = size;
      this.failAfter = failAfter;
      this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (failAfter >= 0 && served >= failAfter) {
        throw new IOException("simulated source failure after " + served + " bytes");
      }
      if (served >= size) {
        return -1;
      }
      long limit = failAfter >= 0 ? Math.min(size, failAfter) : size;
      int n = (int) Math.min(length, Math.max(1, limit - served));
      n = (int) Math.min(n, size - served);
      for (int i = 0; i < n; i++) {
        if ((i & 7) == 0) {
          state ^= state << 13;
          state ^= state >>> 7;
          state ^= state << 17;
        }
        buffer[offset + i] = (byte) (state >>> ((i & 7) * 8));
      }
      sha256.update(buffer, offset, n);
      served += n;
      return n;
    }

    long served() {
      return served;
    }

    /** SHA-256 of what was served so far, hex. */
    String digest() {
      try {
        return PartBuffer.hex(((MessageDigest) sha256.clone()).digest());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Reads a stream to its end; answers hex SHA-256 and length. */
  static String[] sha256AndSize(InputStream in) throws IOException {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[256 * 1024];
      long size = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
      return new String[] {PartBuffer.hex(sha256.digest()), Long.toString(size)};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
