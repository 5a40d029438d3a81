package io.stowage.store.s3;

import java.util.Set;

/**
 * The configuration keys of the S3 store: those of Velero's AWS plugin (so a BackupStorageLocation
 * works unchanged) plus Stowage's compatibility and upload settings. The README of {@code store-s3}
 * documents each with its default.
 */
public final class S3ConfigKeys {
  // Velero's AWS plugin keys (velero-facts §2.8, §2.9).
  public static final String BUCKET = "bucket";
  public static final String PREFIX = "prefix";
  public static final String CA_CERT = "caCert";
  public static final String REGION = "region";
  public static final String S3_URL = "s3Url";
  public static final String PUBLIC_URL = "publicUrl";
  public static final String S3_FORCE_PATH_STYLE = "s3ForcePathStyle";
  public static final String INSECURE_SKIP_TLS_VERIFY = "insecureSkipTLSVerify";
  public static final String SERVER_SIDE_ENCRYPTION = "serverSideEncryption";
  public static final String KMS_KEY_ID = "kmsKeyId";
  public static final String CUSTOMER_KEY_ENCRYPTION_FILE = "customerKeyEncryptionFile";
  public static final String CUSTOMER_KEY_ENCRYPTION_SECRET = "customerKeyEncryptionSecret";
  public static final String SIGNATURE_VERSION = "signatureVersion";
  public static final String PROFILE = "profile";
  public static final String CREDENTIALS_FILE = "credentialsFile";
  public static final String ENABLE_SHARED_CONFIG = "enableSharedConfig";
  public static final String CHECKSUM_ALGORITHM = "checksumAlgorithm";
  public static final String TAGGING = "tagging";

  // Stowage's compatibility and upload settings.
  /** Preset: {@code default} (SDK defaults) or {@code legacy} (for older S3-compatible stores). */
  public static final String COMPATIBILITY_MODE = "compatibilityMode";

  /** {@code WHEN_SUPPORTED} or {@code WHEN_REQUIRED}: the SDK's request checksum calculation. */
  public static final String REQUEST_CHECKSUM_CALCULATION = "requestChecksumCalculation";

  /** {@code WHEN_SUPPORTED} or {@code WHEN_REQUIRED}: the SDK's response checksum validation. */
  public static final String RESPONSE_CHECKSUM_VALIDATION = "responseChecksumValidation";

  /** Bool: send bodies as {@code aws-chunked} (the SDK default over http). */
  public static final String CHUNKED_ENCODING = "chunkedEncoding";

  /** Bool: send a Content-MD5 header with every PutObject and UploadPart. */
  public static final String CONTENT_MD5 = "contentMd5";

  /** Bool: compare returned ETags with the MD5 of what was sent, where ETags are MD5s. */
  public static final String VERIFY_ETAG = "verifyETag";

  /** Bool: use {@code If-None-Match: *} for create-only writes. */
  public static final String CONDITIONAL_WRITES = "conditionalWrites";

  /** Bytes (or with a Ki/Mi/Gi suffix) of a multipart part, and the single-PUT threshold. */
  public static final String MULTIPART_PART_SIZE = "multipartPartSize";

  /** How many more times one failed UploadPart is tried after the SDK's own retries. */
  public static final String MULTIPART_PART_RETRIES = "multipartPartRetries";

  /** Every key the store accepts besides those Velero always passes. */
  public static final Set<String> ALL =
      Set.of(
          REGION,
          S3_URL,
          PUBLIC_URL,
          S3_FORCE_PATH_STYLE,
          INSECURE_SKIP_TLS_VERIFY,
          SERVER_SIDE_ENCRYPTION,
          KMS_KEY_ID,
          CUSTOMER_KEY_ENCRYPTION_FILE,
          CUSTOMER_KEY_ENCRYPTION_SECRET,
          SIGNATURE_VERSION,
          PROFILE,
          CREDENTIALS_FILE,
          ENABLE_SHARED_CONFIG,
          CHECKSUM_ALGORITHM,
          TAGGING,
          COMPATIBILITY_MODE,
          REQUEST_CHECKSUM_CALCULATION,
          RESPONSE_CHECKSUM_VALIDATION,
          CHUNKED_ENCODING,
          CONTENT_MD5,
          VERIFY_ETAG,
          CONDITIONAL_WRITES,
          MULTIPART_PART_SIZE,
          MULTIPART_PART_RETRIES);

  private S3ConfigKeys() {}
}
