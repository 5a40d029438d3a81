package io.stowage.store.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * The flexible checksums of Velero's {@code checksumAlgorithm} key. Stowage computes the checksum
 * itself while it reads each part, sends it as an {@code x-amz-checksum-*} header (so the server
 * validates the bytes before storing them) and compares what the server returns.
 */
public enum UploadChecksum {
  CRC32(ChecksumAlgorithm.CRC32),
  CRC32C(ChecksumAlgorithm.CRC32_C),
  SHA1(ChecksumAlgorithm.SHA1),
  SHA256(ChecksumAlgorithm.SHA256);

  private final ChecksumAlgorithm sdkAlgorithm;

  UploadChecksum(ChecksumAlgorithm sdkAlgorithm) {
    this.sdkAlgorithm = sdkAlgorithm;
  }

  /** The SDK's name for it, as used on CreateMultipartUpload. */
  public ChecksumAlgorithm sdkAlgorithm() {
    return sdkAlgorithm;
  }

  /** Parses Velero's spelling ({@code CRC32}, {@code CRC32C}, {@code SHA1}, {@code SHA256}). */
  static UploadChecksum parse(String value) {
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (UploadChecksum checksum : values()) {
      if (checksum.name().equals(normalized)) {
        return checksum;
      }
    }
    throw new IllegalArgumentException(value);
  }

  /** A fresh accumulator over bytes. */
  Digest newDigest() {
    switch (this) {
      case CRC32:
        return new ChecksumDigest(new CRC32());
      case CRC32C:
        return new ChecksumDigest(new CRC32C());
      case SHA1:
        return new MessageDigestDigest("SHA-1");
      case SHA256:
        return new MessageDigestDigest("SHA-256");
      default:
        throw new AssertionError(this);
    }
  }

  /** An incremental digest; {@link #finish} may be called once. */
  interface Digest {
    void update(byte[] bytes, int offset, int length);

    byte[] finish();
  }

  /** MD5, which every S3 store uses for single-part ETags and Content-MD5. */
  static Digest md5() {
    return new MessageDigestDigest("MD5");
  }

  private static final class ChecksumDigest implements Digest {
    private final Checksum checksum;

    ChecksumDigest(Checksum checksum) {
      this.checksum = checksum;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      checksum.update(bytes, offset, length);
    }

    @Override
    public byte[] finish() {
      long value = checksum.getValue();
      return new byte[] {
        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
      };
    }
  }

  private static final class MessageDigestDigest implements Digest {
    private final MessageDigest digest;

    MessageDigestDigest(String algorithm) {
      try {
        this.digest = MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + algorithm, e);
      }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
    }

    @Override
    public byte[] finish() {
      return digest.digest();
    }
  }
}
