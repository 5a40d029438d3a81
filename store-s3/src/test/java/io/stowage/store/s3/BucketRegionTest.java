package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Region resolution as in Velero's AWS plugin. Discovery reads the {@code x-amz-bucket-region}
 * header AWS returns on HeadBucket, also on a redirect or a denial; S3Proxy does not send it, so an
 * interceptor adds it the way AWS does, and the discovery is shown on both a success and a 403.
 */
class BucketRegionTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  @Test
  void explicitRegionWinsAndACustomEndpointDefaultsToUsEast1() {
    String bucket = S3.newBucket("region");
    Map<String, String> withUrl = new java.util.HashMap<>(S3.config(bucket));
    withUrl.remove("region");
    try (S3ObjectBackupStore store = S3ObjectBackupStore.create(withUrl)) {
      assertThat(store.region()).isEqualTo("us-east-1");
    }
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("region", "eu-west-3")))) {
      assertThat(store.region()).isEqualTo("eu-west-3");
    }
  }

  @Test
  void discoveryReadsTheBucketRegionHeaderOnSuccessAndOnDenial() {
    String bucket = S3.newBucket("region-discovery");
    try (S3Client good = client(EmbeddedS3.SECRET_KEY);
        S3Client denied = client("wrong-secret")) {
      assertThat(BucketRegion.discover(good, bucket)).isEqualTo("eu-central-1");
      assertThat(BucketRegion.discover(denied, bucket)).isEqualTo("eu-central-1");
    }
  }

  @Test
  void withoutTheHeaderDiscoveryAsksForTheRegionKey() {
    try (S3Client plain =
        S3Client.builder()
            .endpointOverride(S3.endpoint())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
            .build()) {
      assertThatThrownBy(() -> BucketRegion.discover(plain, "missing-bucket"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> assertThat(e.hint().orElseThrow()).contains("Set region"))
          .hasMessageContaining("missing-bucket");
    }
  }

  private static S3Client client(String secret) {
    ExecutionInterceptor awsLike =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpResponse modifyHttpResponse(
              Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return context.httpResponse().toBuilder()
                .putHeader("x-amz-bucket-region", "eu-central-1")
                .build();
          }
        };
    return S3Client.builder()
        .endpointOverride(S3.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, secret)))
        .overrideConfiguration(o -> o.addExecutionInterceptor(awsLike))
        .build();
  }
}
