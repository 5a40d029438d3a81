package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/** Parsing and checking of the BackupStorageLocation config, with Velero's rules. */
class S3StoreConfigTest {
  @Test
  void defaultsFollowVelerosAwsPluginAndTheSdk() {
    S3StoreConfig config = S3StoreConfig.parse(Map.of("bucket", "/b/", "prefix", "/p/q/"));

    assertThat(config.bucket()).isEqualTo("b");
    assertThat(config.prefix()).isEqualTo("p/q");
    assertThat(config.region()).isEmpty();
    assertThat(config.forcePathStyle()).isFalse();
    assertThat(config.checksum()).contains(UploadChecksum.CRC32);
    assertThat(config.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_SUPPORTED);
    assertThat(config.responseChecksumValidation())
        .isEqualTo(ResponseChecksumValidation.WHEN_SUPPORTED);
    assertThat(config.chunkedEncoding()).isTrue();
    assertThat(config.contentMd5()).isFalse();
    assertThat(config.verifyETag()).isTrue();
    assertThat(config.conditionalWrites()).isTrue();
    assertThat(config.partSize()).isEqualTo(16L * 1024 * 1024);
    assertThat(config.partRetries()).isEqualTo(2);
  }

  @Test
  void anEmptyChecksumAlgorithmReallyTurnsChecksumsOff() {
    S3StoreConfig config = S3StoreConfig.parse(Map.of("checksumAlgorithm", ""));

    assertThat(config.checksum()).isEmpty();
    // Otherwise the SDK would add its own CRC32 trailer: velero#9951.
    assertThat(config.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
  }

  @Test
  void legacyPresetAndExplicitKeysWin() {
    S3StoreConfig legacy = S3StoreConfig.parse(Map.of("compatibilityMode", "legacy"));
    assertThat(legacy.chunkedEncoding()).isFalse();
    assertThat(legacy.contentMd5()).isTrue();
    assertThat(legacy.checksum()).isEmpty();
    assertThat(legacy.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);

    S3StoreConfig mixed =
        S3StoreConfig.parse(
            Map.of(
                "compatibilityMode", "LEGACY",
                "checksumAlgorithm", "crc32c",
                "chunkedEncoding", "true",
                "contentMd5", "F"));
    assertThat(mixed.checksum()).contains(UploadChecksum.CRC32C);
    assertThat(mixed.chunkedEncoding()).isTrue();
    assertThat(mixed.contentMd5()).isFalse();
    assertThat(mixed.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
  }

  @Test
  void sizesBooleansAndUrlsAreParsedAsDocumented() {
    assertThat(S3StoreConfig.parseSize("16Mi")).isEqualTo(16L << 20);
    assertThat(S3StoreConfig.parseSize("16MiB")).isEqualTo(16L << 20);
    assertThat(S3StoreConfig.parseSize("1Gi")).isEqualTo(1L << 30);
    assertThat(S3StoreConfig.parseSize("5242880")).isEqualTo(5L << 20);
    S3StoreConfig config =
        S3StoreConfig.parse(
            Map.of(
                "s3ForcePathStyle", "1",
                "insecureSkipTLSVerify", "TRUE",
                "s3Url", "https://minio.example:9000",
                "publicUrl", "https://public.example",
                "multipartPartSize", "32Mi"));
    assertThat(config.forcePathStyle()).isTrue();
    assertThat(config.insecureSkipTlsVerify()).isTrue();
    assertThat(config.endpoint()).contains(URI.create("https://minio.example:9000"));
    assertThat(config.publicEndpoint()).contains(URI.create("https://public.example"));
    assertThat(config.partSize()).isEqualTo(32L << 20);
  }

  @Test
  void unknownKeysAreRejectedWithTheValidOnesAsVeleroDoes() {
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("bucket", "b", "s3URL", "http://x")))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT))
        .hasMessageStartingWith("config has invalid keys [s3URL]; valid keys are [")
        .hasMessageContaining("s3Url")
        .hasMessageContaining("checksumAlgorithm")
        .hasMessageContaining("compatibilityMode")
        .hasMessageContaining("caCert");
  }

  @Test
  void badValuesNameTheKeyAndTheChoices() {
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("checksumAlgorithm", "MD5")))
        .hasMessageContaining("checksumAlgorithm")
        .hasMessageContaining("CRC32, CRC32C, SHA1, SHA256");
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("s3ForcePathStyle", "yes")))
        .hasMessageContaining("s3ForcePathStyle");
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("multipartPartSize", "1Mi")))
        .hasMessageContaining("5Mi");
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("s3Url", "minio:9000")))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("signatureVersion", "2")))
        .hasMessageContaining("signatureVersion");
    assertThatThrownBy(() -> S3StoreConfig.parse(Map.of("requestChecksumCalculation", "ALWAYS")))
        .hasMessageContaining("WHEN_SUPPORTED or WHEN_REQUIRED");
  }

  @Test
  void onlyOneEncryptionKeySource() {
    assertThatThrownBy(
            () ->
                S3StoreConfig.parse(
                    Map.of("kmsKeyId", "alias/k", "customerKeyEncryptionFile", "/k")))
        .hasMessageContaining("only one of kmsKeyId, customerKeyEncryptionFile");
    S3StoreConfig kms =
        S3StoreConfig.parse(Map.of("kmsKeyId", "alias/k", "serverSideEncryption", "AES256"));
    assertThat(kms.encryption().kind()).isEqualTo(S3Encryption.Kind.KMS);
    assertThat(kms.verifyETag()).as("KMS ETags are not MD5s").isFalse();
    assertThat(S3StoreConfig.parse(Map.of("serverSideEncryption", "AES256")).verifyETag()).isTrue();
  }

  @Test
  void toStringShowsNoSecrets() {
    String text =
        S3StoreConfig.parse(
                Map.of(
                    "caCert", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                    "customerKeyEncryptionFile", "/secret/key",
                    "credentialsFile", "/creds"))
            .toString();
    assertThat(text).doesNotContain("MIIB").contains("caCert=<set>").contains("/creds");
  }

  @Test
  void theProviderIsFoundByBothNames() {
    var providers =
        ServiceLoader.load(ObjectBackupStoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p instanceof S3ObjectBackupStoreProvider)
            .toList();
    assertThat(providers).hasSize(1);
    assertThat(providers.get(0).name()).isEqualTo("aws");
    assertThat(providers.get(0).aliases()).containsExactly("velero.io/aws");
  }
}
