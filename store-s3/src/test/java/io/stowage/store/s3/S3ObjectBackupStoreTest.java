package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStore.Capability;
import io.stowage.testkit.store.ObjectBackupStoreContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract against a real S3 server (embedded S3Proxy) with the AWS SDK's defaults:
 * aws-chunked bodies, a CRC32 checksum on every upload, response checksums validated. The
 * contract's large object (12 MiB) goes up as a multipart upload of 8 MiB parts.
 */
class S3ObjectBackupStoreTest extends ObjectBackupStoreContract {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("contract-sdk-defaults");
  }

  @Override
  protected ObjectBackupStore newStore() {
    S3.empty(bucket);
    // 8 MiB parts, so that the contract's 12 MiB object goes up as a multipart upload.
    return S3ObjectBackupStore.create(S3.config(bucket, Map.of("multipartPartSize", "8Mi")));
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
  void announcesSignedUrlsAndAtomicCreate() {
    assertThat(store.capabilities())
        .containsExactlyInAnyOrder(Capability.SIGNED_URLS, Capability.ATOMIC_CREATE);
    S3StoreConfig config = ((S3ObjectBackupStore) store).config();
    assertThat(config.checksum()).contains(UploadChecksum.CRC32);
    assertThat(config.chunkedEncoding()).isTrue();
    assertThat(Map.of("mode", config.compatibilityMode()))
        .containsEntry("mode", CompatibilityMode.DEFAULT);
  }
}
