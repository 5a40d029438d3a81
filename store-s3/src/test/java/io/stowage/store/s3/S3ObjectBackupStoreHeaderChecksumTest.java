package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.testkit.store.ObjectBackupStoreContract;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/**
 * The store contract with chunked encoding off and SDK checksums only when required, but with a
 * SHA256 flexible checksum of Stowage's own in a header: the most portable wire format that still
 * carries a strong checksum, and the one in which S3Proxy stores and returns it.
 */
class S3ObjectBackupStoreHeaderChecksumTest extends ObjectBackupStoreContract {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("contract-header-checksum");
  }

  @Override
  protected ObjectBackupStore newStore() {
    S3.empty(bucket);
    return S3ObjectBackupStore.create(
        S3.config(
            bucket,
            Map.of(
                "chunkedEncoding", "false",
                "requestChecksumCalculation", "WHEN_REQUIRED",
                "responseChecksumValidation", "WHEN_REQUIRED",
                "checksumAlgorithm", "SHA256")));
  }

  @Override
  protected String bucket() {
    return bucket;
  }

  @AfterEach
  void noMultipartUploadIsLeftBehind() {
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void theServerStoresTheChecksumComputedWhileReading() {
    store.putObject(bucket, "with-sha256", new ByteArrayInputStream("hello".getBytes()));

    String stored =
        S3.admin()
            .headObject(b -> b.bucket(bucket).key("with-sha256").checksumMode(ChecksumMode.ENABLED))
            .checksumSHA256();
    // SHA-256("hello"), base64.
    assertThat(stored).isEqualTo("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
  }
}
