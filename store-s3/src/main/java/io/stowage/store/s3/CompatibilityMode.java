package io.stowage.store.s3;

import java.util.Locale;

/**
 * Presets of the {@code compatibilityMode} key. Explicit keys ({@code checksumAlgorithm}, {@code
 * requestChecksumCalculation}, {@code responseChecksumValidation}, {@code chunkedEncoding}, {@code
 * contentMd5}) win over the preset.
 */
public enum CompatibilityMode {
  /**
   * The AWS SDK's defaults: checksums calculated and validated when supported, aws-chunked bodies,
   * a CRC32 checksum header on every upload, no Content-MD5.
   */
  DEFAULT,
  /**
   * For S3-compatible stores that predate the SDK's 2025 integrity defaults (Backblaze B2, OVH,
   * older Ceph, MinIO, NetApp, ...): checksums only when an operation requires them, plain
   * (non-chunked) bodies, no {@code x-amz-checksum-*} headers, and a Content-MD5 header on every
   * upload instead, which every S3 implementation validates.
   */
  LEGACY;

  static CompatibilityMode parse(String value) {
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (CompatibilityMode mode : values()) {
      if (mode.name().equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(value);
  }
}
