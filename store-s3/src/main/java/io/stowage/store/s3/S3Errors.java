package io.stowage.store.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into {@link S3StoreException}s whose message names the location (bucket,
 * key, endpoint) and whose hint names what to check: the credential source, a permission, {@code
 * region}, {@code s3Url}, {@code s3ForcePathStyle}, {@code caCert}, the compatibility keys, or
 * {@code conditionalWrites}. Credentials never appear: only the file path and profile name.
 */
final class S3Errors {
  private final S3StoreConfig config;
  private final String region;

  S3Errors(S3StoreConfig config, String region) {
    this.config = config;
    this.region = region;
  }

  /** Where requests go, for messages. */
  String endpoint() {
    return config.endpointDescription(region);
  }

  /** "key k in bucket b at endpoint e" (or without the key). */
  String location(String bucket, String key) {
    return (key == null ? "" : "key " + key + " in ") + "bucket " + bucket + " at " + endpoint();
  }

  /**
   * Translates a failure of {@code operation} (an S3 API name such as {@code PutObject}). {@code
   * conditional} says the request carried {@code If-None-Match}.
   */
  S3StoreException translate(
      SdkException e, String operation, String bucket, String key, boolean conditional) {
    String where = location(bucket, key);
    if (e instanceof AwsServiceException) {
      return service((AwsServiceException) e, operation, bucket, where, conditional);
    }
    return client(e, operation, bucket, where);
  }

  private S3StoreException service(
      AwsServiceException e, String operation, String bucket, String where, boolean conditional) {
    int status = e.statusCode();
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? "" : details.errorCode();
    String message =
        details == null || details.errorMessage() == null ? "" : details.errorMessage();
    String lower = (code + " " + message).toLowerCase(Locale.ROOT);
    String problem =
        operation
            + " failed for "
            + where
            + ": HTTP "
            + status
            + (code.isEmpty() ? "" : " " + code)
            + (message.isEmpty() ? "" : " (" + message + ")")
            + (e.requestId() == null ? "" : ", request id " + e.requestId())
            + ".";
    Optional<String> bucketRegion =
        details == null || details.sdkHttpResponse() == null
            ? Optional.empty()
            : details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");

    if (status == 403) {
      if (code.equals("InvalidAccessKeyId")
          || code.equals("SignatureDoesNotMatch")
          || code.equals("ExpiredToken")
          || code.equals("InvalidToken")
          || code.equals("TokenRefreshRequired")) {
        String which =
            code.equals("SignatureDoesNotMatch")
                ? "The secret access key does not match the access key id"
                : code.equals("InvalidAccessKeyId")
                    ? "The store does not know this access key id"
                    : "The session token is expired or invalid";
        return new S3StoreException(
            S3ErrorCode.CREDENTIALS_REJECTED,
            problem,
            which + ": check " + credentialSource() + ".",
            e);
      }
      return new S3StoreException(
          S3ErrorCode.ACCESS_DENIED,
          problem,
          "The credentials from "
              + credentialSource()
              + " were refused or lack permission: check them, and that they allow s3:"
              + action(operation)
              + " on bucket "
              + bucket
              + " (bucket policy, IAM policy"
              + (config.encryption().kind() == S3Encryption.Kind.KMS ? ", KMS key policy" : "")
              + ").",
          e);
    }
    if (code.equals("NoSuchBucket")) {
      return new S3StoreException(
          S3ErrorCode.BUCKET_NOT_FOUND,
          problem,
          "Create the bucket, or fix the bucket name (spec.objectStorage.bucket)"
              + (config.endpoint().isPresent() ? ", s3Url" : ", region")
              + (config.forcePathStyle() || config.endpoint().isEmpty()
                  ? ""
                  : " or s3ForcePathStyle=true (the store may not serve virtual-hosted names)")
              + ".",
          e);
    }
    if (status == 301
        || code.equals("PermanentRedirect")
        || code.equals("AuthorizationHeaderMalformed")
        || code.equals("IllegalLocationConstraintException")
        || bucketRegion.isPresent() && !bucketRegion.get().equals(region) && status == 400) {
      return new S3StoreException(
          S3ErrorCode.WRONG_REGION,
          problem,
          bucketRegion
              .map(r -> "The bucket is in region " + r + ": set region=" + r + ".")
              .orElse("The bucket is in another region: set region to the bucket's region."),
          e);
    }
    if (status == 412) {
      return new S3StoreException(
          S3ErrorCode.REQUEST_FAILED,
          problem,
          "The object exists already; create-only writes do not replace it.",
          e);
    }
    if (conditional && (status == 501 || code.equals("NotImplemented"))) {
      return new S3StoreException(
          S3ErrorCode.CONDITIONAL_WRITE_UNSUPPORTED,
          problem,
          "This store does not support conditional writes (If-None-Match): set"
              + " conditionalWrites=false. Stowage then checks before writing, which is not"
              + " atomic.",
          e);
    }
    if (isChecksumProblem(code, lower)) {
      return new S3StoreException(
          S3ErrorCode.CHECKSUM_REJECTED,
          problem,
          code.equals("BadDigest") || code.equals("XAmzContentSHA256Mismatch")
              ? "The store computed another digest than the one sent, even after retries: the"
                  + " body changed on the way or the store decodes it differently. Try"
                  + " compatibilityMode=legacy or chunkedEncoding=false."
              : "The store does not accept the checksum headers or the aws-chunked encoding of"
                  + " newer AWS SDKs: try compatibilityMode=legacy, or checksumAlgorithm=\"\".",
          e);
    }
    if (status == 501 || code.equals("NotImplemented")) {
      return new S3StoreException(
          S3ErrorCode.REQUEST_FAILED,
          problem,
          "The store does not implement a feature of this request"
              + (config.tagging().isPresent() ? " (object tagging? remove tagging)" : "")
              + ": try compatibilityMode=legacy.",
          e);
    }
    if (status >= 500) {
      return new S3StoreException(
          S3ErrorCode.REQUEST_FAILED,
          problem,
          "The store failed after the SDK's retries; check its health and try again.",
          e);
    }
    return new S3StoreException(S3ErrorCode.REQUEST_FAILED, problem, null, e);
  }

  private static boolean isChecksumProblem(String code, String lower) {
    return code.equals("BadDigest")
        || code.equals("InvalidDigest")
        || code.equals("XAmzContentSHA256Mismatch")
        || code.equals("InvalidChecksum")
        || code.equals("MissingContentLength")
        || ((code.equals("InvalidRequest")
                || code.equals("InvalidArgument")
                || code.equals("NotImplemented")
                || code.equals("BadRequest")
                || code.isEmpty())
            && (lower.contains("checksum")
                || lower.contains("content-md5")
                || lower.contains("trailer")
                || lower.contains("chunk")
                || lower.contains("x-amz-content-sha256")
                || lower.contains("x-amz-sdk")
                || lower.contains("x-amz-decoded-content-length")
                || lower.contains("transfer-encoding")));
  }

  private S3StoreException client(SdkException e, String operation, String bucket, String where) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof UnknownHostException) {
        String host = String.valueOf(cause.getMessage());
        boolean virtualHost = host.startsWith(bucket + ".") && !config.forcePathStyle();
        return new S3StoreException(
            S3ErrorCode.ENDPOINT_UNREACHABLE,
            operation + " failed for " + where + ": cannot resolve host " + host + ".",
            virtualHost
                ? "The bucket name was put into the host name (virtual-hosted style): set"
                    + " s3ForcePathStyle=true for stores such as MinIO or Ceph."
                : "Check s3Url (and region) and the DNS of this machine.",
            e);
      }
      if (cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof SocketTimeoutException) {
        return new S3StoreException(
            S3ErrorCode.ENDPOINT_UNREACHABLE,
            operation + " failed for " + where + ": " + cause.getMessage() + ".",
            "Check that s3Url names the right host and port and that the endpoint is reachable"
                + " from here (firewall, proxy).",
            e);
      }
      if (cause instanceof SSLException || cause instanceof CertificateException) {
        return new S3StoreException(
            S3ErrorCode.TLS_FAILED,
            operation + " failed for " + where + ": TLS: " + cause.getMessage() + ".",
            "Trust the endpoint's certificate: set caCert (the BackupStorageLocation's"
                + " spec.objectStorage.caCertRef) to the CA that signed it, or, for a test"
                + " only, insecureSkipTLSVerify=true.",
            e);
      }
      cause = cause.getCause();
    }
    String message = String.valueOf(e.getMessage());
    if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
      return new S3StoreException(
          S3ErrorCode.CREDENTIALS_REJECTED,
          operation + " failed for " + where + ": no AWS credentials found.",
          "Set credentialsFile (the BackupStorageLocation's spec.credential) or provide"
              + " credentials through the default chain (AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, a pod or instance role).",
          e);
    }
    return new S3StoreException(
        S3ErrorCode.REQUEST_FAILED, operation + " failed for " + where + ": " + message, null, e);
  }

  /** Where the credentials came from, for hints: never the credentials themselves. */
  String credentialSource() {
    String profile = config.profile().orElse("default");
    return config
        .credentialsFile()
        .map(
            (Path file) ->
                "the credentials file "
                    + file
                    + " (credentialsFile, the BackupStorageLocation's spec.credential), profile "
                    + profile)
        .orElse("the default credential chain (profile " + profile + ")");
  }

  private static String action(String operation) {
    switch (operation) {
      case "HeadObject":
      case "GetObject":
        return "GetObject";
      case "ListObjectsV2":
        return "ListBucket";
      case "CreateMultipartUpload":
      case "UploadPart":
      case "CompleteMultipartUpload":
        return "PutObject";
      case "AbortMultipartUpload":
        return "AbortMultipartUpload";
      default:
        return operation;
    }
  }
}
