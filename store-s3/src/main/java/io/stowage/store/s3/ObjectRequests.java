package io.stowage.store.s3;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Builds the S3 requests of the store with the location's settings applied: encryption headers
 * (SSE-S3, SSE-KMS, SSE-C on every read and write), tags, Content-MD5, the flexible checksum
 * computed by {@link PartReader}, and {@code If-None-Match: *} for create-only writes. Also reads
 * the returned checksum of the configured algorithm from responses.
 */
final class ObjectRequests {
  private static final String CONTENT_TYPE = "application/octet-stream";

  private final S3Encryption encryption;
  private final Optional<CustomerKeys.CustomerKey> customerKey;
  private final Optional<String> tagging;
  private final Optional<UploadChecksum> checksum;
  private final boolean contentMd5;

  ObjectRequests(
      S3Encryption encryption,
      Optional<CustomerKeys.CustomerKey> customerKey,
      Optional<String> tagging,
      Optional<UploadChecksum> checksum,
      boolean contentMd5) {
    this.encryption = encryption;
    this.customerKey = customerKey;
    this.tagging = tagging;
    this.checksum = checksum;
    this.contentMd5 = contentMd5;
  }

  Optional<UploadChecksum> checksum() {
    return checksum;
  }

  PutObjectRequest put(String bucket, String key, PartBuffer body, boolean ifAbsent) {
    PutObjectRequest.Builder b =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentLength((long) body.length())
            .contentType(CONTENT_TYPE);
    if (contentMd5) {
      b.contentMD5(body.md5Base64());
    }
    body.checksumBase64().ifPresent(value -> setChecksum(b, value));
    if (ifAbsent) {
      b.ifNoneMatch("*");
    }
    tagging.ifPresent(b::tagging);
    encryptionHeaders(
        b::serverSideEncryption,
        b::ssekmsKeyId,
        b::sseCustomerAlgorithm,
        b::sseCustomerKey,
        b::sseCustomerKeyMD5);
    return b.build();
  }

  CreateMultipartUploadRequest createMultipart(String bucket, String key) {
    CreateMultipartUploadRequest.Builder b =
        CreateMultipartUploadRequest.builder().bucket(bucket).key(key).contentType(CONTENT_TYPE);
    checksum.ifPresent(c -> b.checksumAlgorithm(c.sdkAlgorithm()));
    tagging.ifPresent(b::tagging);
    encryptionHeaders(
        b::serverSideEncryption,
        b::ssekmsKeyId,
        b::sseCustomerAlgorithm,
        b::sseCustomerKey,
        b::sseCustomerKeyMD5);
    return b.build();
  }

  UploadPartRequest uploadPart(
      String bucket, String key, String uploadId, int partNumber, PartBuffer body) {
    UploadPartRequest.Builder b =
        UploadPartRequest.builder()
            .bucket(bucket)
            .key(key)
            .uploadId(uploadId)
            .partNumber(partNumber)
            .contentLength((long) body.length());
    if (contentMd5) {
      b.contentMD5(body.md5Base64());
    }
    body.checksumBase64().ifPresent(value -> setChecksum(b, value));
    customerKeyHeaders(b::sseCustomerAlgorithm, b::sseCustomerKey, b::sseCustomerKeyMD5);
    return b.build();
  }

  CompletedPart completedPart(int partNumber, String etag, PartBuffer body) {
    CompletedPart.Builder b = CompletedPart.builder().partNumber(partNumber).eTag(etag);
    body.checksumBase64()
        .ifPresent(
            value ->
                pick(
                    checksum.orElseThrow(),
                    () -> b.checksumCRC32(value),
                    () -> b.checksumCRC32C(value),
                    () -> b.checksumSHA1(value),
                    () -> b.checksumSHA256(value)));
    return b.build();
  }

  CompleteMultipartUploadRequest complete(
      String bucket, String key, String uploadId, List<CompletedPart> parts, boolean ifAbsent) {
    CompleteMultipartUploadRequest.Builder b =
        CompleteMultipartUploadRequest.builder()
            .bucket(bucket)
            .key(key)
            .uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts));
    if (ifAbsent) {
      b.ifNoneMatch("*");
    }
    customerKeyHeaders(b::sseCustomerAlgorithm, b::sseCustomerKey, b::sseCustomerKeyMD5);
    return b.build();
  }

  AbortMultipartUploadRequest abort(String bucket, String key, String uploadId) {
    return AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId).build();
  }

  HeadObjectRequest head(String bucket, String key) {
    HeadObjectRequest.Builder b = HeadObjectRequest.builder().bucket(bucket).key(key);
    customerKeyHeaders(b::sseCustomerAlgorithm, b::sseCustomerKey, b::sseCustomerKeyMD5);
    return b.build();
  }

  GetObjectRequest get(String bucket, String key) {
    GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(bucket).key(key);
    customerKeyHeaders(b::sseCustomerAlgorithm, b::sseCustomerKey, b::sseCustomerKeyMD5);
    return b.build();
  }

  /** The checksum of the configured algorithm a PutObject response carries, if any. */
  Optional<String> returned(PutObjectResponse r) {
    return checksum.map(
        c -> pick(c, r::checksumCRC32, r::checksumCRC32C, r::checksumSHA1, r::checksumSHA256));
  }

  Optional<String> returned(UploadPartResponse r) {
    return checksum.map(
        c -> pick(c, r::checksumCRC32, r::checksumCRC32C, r::checksumSHA1, r::checksumSHA256));
  }

  Optional<String> returned(CompleteMultipartUploadResponse r) {
    return checksum.map(
        c -> pick(c, r::checksumCRC32, r::checksumCRC32C, r::checksumSHA1, r::checksumSHA256));
  }

  private void setChecksum(PutObjectRequest.Builder b, String value) {
    pick(
        checksum.orElseThrow(),
        () -> b.checksumCRC32(value),
        () -> b.checksumCRC32C(value),
        () -> b.checksumSHA1(value),
        () -> b.checksumSHA256(value));
  }

  private void setChecksum(UploadPartRequest.Builder b, String value) {
    pick(
        checksum.orElseThrow(),
        () -> b.checksumCRC32(value),
        () -> b.checksumCRC32C(value),
        () -> b.checksumSHA1(value),
        () -> b.checksumSHA256(value));
  }

  /**
   * The one of four per-algorithm SDK accessors that matches {@code algorithm}: the SDK's request
   * and response types have a separate method per checksum algorithm and no common interface.
   */
  private static <T> T pick(
      UploadChecksum algorithm,
      Supplier<T> crc32,
      Supplier<T> crc32c,
      Supplier<T> sha1,
      Supplier<T> sha256) {
    return switch (algorithm) {
      case CRC32 -> crc32.get();
      case CRC32C -> crc32c.get();
      case SHA1 -> sha1.get();
      case SHA256 -> sha256.get();
    };
  }

  /** Server-side encryption headers for a request that creates an object. */
  private void encryptionHeaders(
      Consumer<String> algorithm,
      Consumer<String> kmsKeyId,
      Consumer<String> customerAlgorithm,
      Consumer<String> customerKeyValue,
      Consumer<String> customerKeyMd5) {
    switch (encryption.kind()) {
      case SERVER_MANAGED -> algorithm.accept(encryption.algorithm().orElseThrow());
      case KMS -> {
        algorithm.accept(ServerSideEncryption.AWS_KMS.toString());
        kmsKeyId.accept(encryption.kmsKeyId().orElseThrow());
      }
      default -> customerKeyHeaders(customerAlgorithm, customerKeyValue, customerKeyMd5);
    }
  }

  /** SSE-C headers, which every request that touches an object's content must repeat. */
  private void customerKeyHeaders(
      Consumer<String> algorithm, Consumer<String> key, Consumer<String> md5) {
    customerKey.ifPresent(
        k -> {
          algorithm.accept("AES256");
          key.accept(k.base64Key());
          md5.accept(k.base64Md5());
        });
  }

  static String contentType() {
    return CONTENT_TYPE;
  }
}
