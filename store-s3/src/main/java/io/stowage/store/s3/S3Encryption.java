package io.stowage.store.s3;

import java.util.Optional;

/**
 * Server-side encryption of the objects written, from {@code serverSideEncryption}, {@code
 * kmsKeyId}, {@code customerKeyEncryptionFile} or {@code customerKeyEncryptionSecret}. At most one
 * of the last three is set. The SSE-C key itself is not held here: {@link CustomerKeys} loads it.
 *
 * @param kind which scheme
 * @param algorithm the {@code x-amz-server-side-encryption} value for {@link Kind#SERVER_MANAGED}
 *     ({@code AES256}, or what the store accepts), {@code aws:kms} for {@link Kind#KMS}
 * @param kmsKeyId the KMS key id, alias or ARN for {@link Kind#KMS}
 * @param customerKeySource the file path or {@code secretName/key} for {@link Kind#CUSTOMER_KEY}
 */
public record S3Encryption(
    Kind kind,
    Optional<String> algorithm,
    Optional<String> kmsKeyId,
    Optional<String> customerKeySource) {

  /** The encryption schemes S3 offers. */
  public enum Kind {
    /** No encryption header: the bucket default applies. */
    NONE,
    /** {@code x-amz-server-side-encryption: <algorithm>}. */
    SERVER_MANAGED,
    /** {@code aws:kms} with a key id. */
    KMS,
    /** SSE-C: a 256-bit key sent with every request, from a file. */
    CUSTOMER_KEY,
    /** SSE-C with the key read from a Kubernetes Secret ({@code secretName/key}). */
    CUSTOMER_KEY_SECRET
  }

  public static S3Encryption none() {
    return new S3Encryption(Kind.NONE, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * {@code true} when the store's ETags are the MD5 of the content. S3 documents that objects
   * encrypted with SSE-KMS or SSE-C have ETags that are not.
   */
  public boolean etagIsMd5() {
    return kind == Kind.NONE
        || (kind == Kind.SERVER_MANAGED && !algorithm.orElse("").contains("kms"));
  }

  /** {@code true} for SSE-C, where every read and write carries the key. */
  public boolean customerKey() {
    return kind == Kind.CUSTOMER_KEY || kind == Kind.CUSTOMER_KEY_SECRET;
  }
}
