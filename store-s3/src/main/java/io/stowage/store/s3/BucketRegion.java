package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;

/**
 * Resolves the region of a location as Velero's AWS plugin does: {@code region} when set; {@code
 * us-east-1} when only {@code s3Url} is set; otherwise the bucket's region, asked of AWS through
 * {@code us-east-1} with HeadBucket, whose answer (success, redirect or even denial) carries the
 * {@code x-amz-bucket-region} header.
 */
final class BucketRegion {
  static final String DEFAULT_REGION = "us-east-1";

  private BucketRegion() {}

  static String resolve(
      S3StoreConfig config, AwsCredentialsProvider credentials, SdkHttpClient http) {
    if (config.region().isPresent()) {
      return config.region().get();
    }
    if (config.endpoint().isPresent()) {
      return DEFAULT_REGION;
    }
    if (config.bucket().isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "cannot discover the bucket's region without a bucket: set region (or bucket) in the"
              + " BackupStorageLocation config");
    }
    try (S3Client probe =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .build()) {
      return discover(probe, config.bucket());
    }
  }

  /** Asks {@code client} (configured for us-east-1) where {@code bucket} lives. */
  static String discover(S3Client client, String bucket) {
    Optional<String> region;
    SdkException failure = null;
    try {
      HeadBucketResponse response = client.headBucket(b -> b.bucket(bucket));
      region =
          Optional.ofNullable(response.bucketRegion())
              .or(() -> response.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"));
    } catch (AwsServiceException e) {
      failure = e;
      region =
          e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
              ? Optional.empty()
              : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
    } catch (SdkException e) {
      failure = e;
      region = Optional.empty();
    }
    if (region.isPresent() && !region.get().isBlank()) {
      return region.get();
    }
    throw new S3StoreException(
        S3ErrorCode.WRONG_REGION,
        "cannot discover the region of bucket "
            + bucket
            + " through AWS S3 us-east-1"
            + (failure == null ? "" : ": " + failure.getMessage())
            + ".",
        "Set region in the BackupStorageLocation config (and s3Url for a store that is not AWS).",
        failure);
  }
}
