package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Translation of failures S3Proxy cannot produce: answers of AWS and of other S3-compatible stores,
 * built as the SDK would hand them over.
 */
class S3ErrorsTranslationTest {
  private final S3Errors errors =
      new S3Errors(
          S3StoreConfig.parse(
              Map.of(
                  "bucket", "b",
                  "s3Url", "https://s3.example:9000",
                  "credentialsFile", "/credentials/cloud")),
          "us-east-1");

  @Test
  void aBucketInAnotherRegionNamesTheRegionToSet() {
    S3StoreException e =
        errors.translate(
            error(301, "PermanentRedirect", "", Map.of("x-amz-bucket-region", "eu-west-1")),
            "HeadObject",
            "b",
            "k",
            false);
    assertThat(e.errorCode()).isEqualTo(S3ErrorCode.WRONG_REGION);
    assertThat(e.hint()).contains("The bucket is in region eu-west-1: set region=eu-west-1.");
  }

  @Test
  void storesThatRejectTheNewerChecksumHeadersPointToLegacyMode() {
    // Backblaze B2 before it supported them, velero#7534.
    S3StoreException b2 =
        errors.translate(
            error(
                400,
                "InvalidArgument",
                "Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call.",
                Map.of()),
            "PutObject",
            "b",
            "k",
            false);
    assertThat(b2.errorCode()).isEqualTo(S3ErrorCode.CHECKSUM_REJECTED);
    assertThat(b2.hint().orElseThrow()).contains("compatibilityMode=legacy");

    S3StoreException chunked =
        errors.translate(
            error(
                501, "NotImplemented", "Transfer-Encoding: aws-chunked is not supported", Map.of()),
            "PutObject",
            "b",
            "k",
            false);
    assertThat(chunked.errorCode()).isEqualTo(S3ErrorCode.CHECKSUM_REJECTED);
  }

  @Test
  void accessDeniedNamesThePermissionAndTheCredentialSource() {
    S3StoreException e =
        errors.translate(
            error(403, "AccessDenied", "Access Denied", Map.of()),
            "ListObjectsV2",
            "b",
            null,
            false);
    assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
    assertThat(e.hint().orElseThrow())
        .contains("s3:ListBucket on bucket b")
        .contains("/credentials/cloud");
    assertThat(e.problem()).contains("bucket b at https://s3.example:9000");
  }

  @Test
  void tlsAndDnsFailuresNameTheSettings() {
    S3StoreException tls =
        errors.translate(
            SdkClientException.create(
                "Unable to execute HTTP request",
                new SSLHandshakeException("PKIX path building failed")),
            "HeadObject",
            "b",
            "k",
            false);
    assertThat(tls.errorCode()).isEqualTo(S3ErrorCode.TLS_FAILED);
    assertThat(tls.hint().orElseThrow()).contains("caCert").contains("insecureSkipTLSVerify");

    S3StoreException dns =
        errors.translate(
            SdkClientException.create(
                "Unable to execute HTTP request", new UnknownHostException("s3.example")),
            "HeadObject",
            "b",
            "k",
            false);
    assertThat(dns.errorCode()).isEqualTo(S3ErrorCode.ENDPOINT_UNREACHABLE);
    assertThat(dns.hint().orElseThrow()).contains("Check s3Url");
  }

  @Test
  void missingCredentialsSayWhereToPutThem() {
    S3StoreException e =
        errors.translate(
            SdkClientException.create("Unable to load credentials from any of the providers"),
            "PutObject",
            "b",
            "k",
            false);
    assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CREDENTIALS_REJECTED);
    assertThat(e.hint().orElseThrow()).contains("credentialsFile").contains("AWS_ACCESS_KEY_ID");
  }

  private static S3Exception error(
      int status, String code, String message, Map<String, String> headers) {
    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
    headers.forEach(response::putHeader);
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage(message)
                    .sdkHttpResponse(response.build())
                    .build())
            .build();
  }
}
