package io.stowage.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Cuts a stream of unknown length into parts. Each {@link #fill} reads up to one part into a {@link
 * PartBuffer} and computes its MD5 and flexible checksum on the way; after a full part it reads one
 * byte ahead, so it knows whether that part was the last without a zero-length part.
 */
final class PartReader {
  private static final int READ_CHUNK = 64 * 1024;

  private final InputStream in;
  private final Optional<UploadChecksum> checksum;
  private int pending = -1;
  private boolean eof;
  private long total;

  PartReader(InputStream in, Optional<UploadChecksum> checksum) {
    this.in = in;
    this.checksum = checksum;
  }

  /**
   * Fills {@code buffer} with up to {@code partSize} bytes and seals its digests. Answers {@code
   * true} when the stream has ended, so the buffer holds the last part.
   */
  boolean fill(PartBuffer buffer, int partSize) throws IOException {
    buffer.clear();
    UploadChecksum.Digest md5 = UploadChecksum.md5();
    Optional<UploadChecksum.Digest> digest = checksum.map(UploadChecksum::newDigest);
    if (pending >= 0) {
      byte[] one = {(byte) pending};
      buffer.append(one, 0, 1, partSize);
      md5.update(one, 0, 1);
      digest.ifPresent(d -> d.update(one, 0, 1));
      pending = -1;
    }
    while (!eof && buffer.length() < partSize) {
      int start = buffer.length();
      if (start == buffer.capacity()) {
        // Grow only when full, so small content keeps a small buffer.
        buffer.ensureCapacity(start + 1, partSize);
      }
      int want = Math.min(Math.min(READ_CHUNK, partSize - start), buffer.capacity() - start);
      int n = in.read(buffer.array(), start, want);
      if (n < 0) {
        eof = true;
      } else if (n > 0) {
        // Digest each chunk while it is still in the CPU cache.
        md5.update(buffer.array(), start, n);
        digest.ifPresent(d -> d.update(buffer.array(), start, n));
        buffer.advance(n);
      }
    }
    if (!eof) {
      pending = in.read();
      eof = pending < 0;
    }
    buffer.seal(md5.finish(), digest.map(UploadChecksum.Digest::finish));
    total += buffer.length();
    return eof;
  }

  /** Bytes read into parts so far. */
  long total() {
    return total;
  }
}
