package io.stowage.store.s3;

import io.stowage.api.ErrorCategory;
import io.stowage.api.ErrorCode;

/**
 * Error codes of the S3 store, in the range {@code 0x0002_0000} reserved for it. Each says who has
 * to act; the exception message says what to change.
 */
public enum S3ErrorCode implements ErrorCode {
  /** The credentials were refused (unknown key, wrong secret, expired token). */
  CREDENTIALS_REJECTED(0x0002_0001, ErrorCategory.USER),
  /** The credentials are valid but lack a permission on the bucket or key. */
  ACCESS_DENIED(0x0002_0002, ErrorCategory.USER),
  /** The bucket does not exist at the endpoint. */
  BUCKET_NOT_FOUND(0x0002_0003, ErrorCategory.USER),
  /** The bucket lives in another region than the one configured. */
  WRONG_REGION(0x0002_0004, ErrorCategory.USER),
  /** The endpoint cannot be resolved or reached. */
  ENDPOINT_UNREACHABLE(0x0002_0005, ErrorCategory.EXTERNAL),
  /** The TLS handshake with the endpoint failed (unknown CA, wrong host name). */
  TLS_FAILED(0x0002_0006, ErrorCategory.USER),
  /**
   * The server refused a checksum, Content-MD5 or the encoding that carried it: the request format
   * does not suit this store, or the bytes were damaged on the way.
   */
  CHECKSUM_REJECTED(0x0002_0007, ErrorCategory.EXTERNAL),
  /**
   * What the server says it stored differs from what was sent (checksum or ETag mismatch). The
   * upload was aborted or the object deleted.
   */
  INTEGRITY_MISMATCH(0x0002_0008, ErrorCategory.EXTERNAL),
  /** The store does not support conditional writes ({@code If-None-Match: *}). */
  CONDITIONAL_WRITE_UNSUPPORTED(0x0002_0009, ErrorCategory.USER),
  /** The content to upload could not be read from the caller's stream. */
  SOURCE_READ_FAILED(0x0002_000A, ErrorCategory.EXTERNAL),
  /** Any other failed request. */
  REQUEST_FAILED(0x0002_000B, ErrorCategory.EXTERNAL);

  private final int code;
  private final ErrorCategory category;

  S3ErrorCode(int code, ErrorCategory category) {
    this.code = code;
    this.category = category;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public ErrorCategory category() {
    return category;
  }
}
