package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class PartReaderTest {
  private static final int PART = 1000;

  @Test
  void cutsAStreamIntoFullPartsAndKnowsTheLastWithoutAnEmptyPart() throws Exception {
    byte[] data = bytes(2 * PART);
    PartReader reader = new PartReader(trickle(data), Optional.empty());
    PartBuffer buffer = new PartBuffer();

    assertThat(reader.fill(buffer, PART)).as("more follows").isFalse();
    assertThat(buffer.length()).isEqualTo(PART);
    assertThat(reader.fill(buffer, PART)).as("exactly at the end: last").isTrue();
    assertThat(buffer.length()).isEqualTo(PART);
    assertThat(reader.total()).isEqualTo(2 * PART);
  }

  @Test
  void anEmptyStreamIsOneEmptyLastPart() throws Exception {
    PartReader reader = new PartReader(new ByteArrayInputStream(new byte[0]), Optional.empty());
    PartBuffer buffer = new PartBuffer();

    assertThat(reader.fill(buffer, PART)).isTrue();
    assertThat(buffer.length()).isZero();
    assertThat(buffer.md5Hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void digestsCoverExactlyEachPartIncludingTheByteReadAhead() throws Exception {
    byte[] data = bytes(2 * PART + 7);
    PartReader reader = new PartReader(trickle(data), Optional.of(UploadChecksum.CRC32C));
    PartBuffer buffer = new PartBuffer();
    int offset = 0;
    boolean last = false;
    while (!last) {
      last = reader.fill(buffer, PART);
      byte[] part = Arrays.copyOfRange(data, offset, offset + buffer.length());
      assertThat(buffer.md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(part));
      CRC32C crc = new CRC32C();
      crc.update(part);
      assertThat(buffer.checksumBase64())
          .contains(
              Base64.getEncoder()
                  .encodeToString(
                      new byte[] {
                        (byte) (crc.getValue() >>> 24),
                        (byte) (crc.getValue() >>> 16),
                        (byte) (crc.getValue() >>> 8),
                        (byte) crc.getValue()
                      }));
      assertThat(buffer.newStream().readAllBytes()).isEqualTo(part);
      offset += buffer.length();
    }
    assertThat(offset).isEqualTo(data.length);
  }

  @Test
  void theBufferGrowsOnlyAsFarAsTheContent() throws Exception {
    PartReader reader = new PartReader(new ByteArrayInputStream(bytes(10)), Optional.empty());
    PartBuffer buffer = new PartBuffer();
    reader.fill(buffer, 16 * 1024 * 1024);
    assertThat(buffer.capacity()).isLessThanOrEqualTo(64 * 1024);
  }

  private static byte[] bytes(int n) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    return data;
  }

  /** Serves at most 3 bytes per read, as slow sources do. */
  private static InputStream trickle(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }

      @Override
      public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
      }
    };
  }
}
