package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.testkit.store.ObjectBackupStoreContract;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * The store contract in the compatibility mode for older S3-compatible stores ({@code
 * compatibilityMode=legacy}: checksums only when required, no aws-chunked bodies, Content-MD5 on
 * every upload), created the way the engine creates it: through {@link ServiceLoader} by Velero's
 * provider name {@code velero.io/aws}.
 */
class S3ObjectBackupStoreLegacyModeTest extends ObjectBackupStoreContract {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("contract-legacy");
  }

  @Override
  protected ObjectBackupStore newStore() {
    S3.empty(bucket);
    ObjectBackupStoreProvider provider =
        ServiceLoader.load(ObjectBackupStoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.aliases().contains("velero.io/aws"))
            .findFirst()
            .orElseThrow();
    return provider.create(
        PluginContext.of(
            S3.config(bucket, Map.of("compatibilityMode", "legacy", "multipartPartSize", "5Mi"))));
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
  void legacyModeTurnsOffTheNewerSdkDefaults() {
    S3StoreConfig config = ((S3ObjectBackupStore) store).config();
    assertThat(config.compatibilityMode()).isEqualTo(CompatibilityMode.LEGACY);
    assertThat(config.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
    assertThat(config.responseChecksumValidation())
        .isEqualTo(ResponseChecksumValidation.WHEN_REQUIRED);
    assertThat(config.chunkedEncoding()).isFalse();
    assertThat(config.contentMd5()).isTrue();
    assertThat(config.checksum()).isEmpty();
  }
}
