package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore.Capability;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Server-side encryption settings reach the server (S3Proxy's transient store echoes SSE-S3 and
 * SSE-KMS and enforces SSE-C), and tags are sent. S3Proxy does not store tags, so the tagging test
 * records the request headers instead.
 */
class S3EncryptionAndTaggingTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();
  private static final int MIB = 1024 * 1024;

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("encryption");
  }

  @Test
  void serverManagedEncryptionIsRequestedAndEtagsAreStillVerified() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(
            S3.config(
                bucket, Map.of("serverSideEncryption", "AES256", "multipartPartSize", "5Mi")))) {
      store.putObject(bucket, "sse-s3", new TestStreams.Generated(6 * MIB, 1));

      HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(bucket).key("sse-s3"));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(store.config().verifyETag()).isTrue();
    }
  }

  @Test
  void kmsEncryptionSendsTheKeyIdAndSkipsTheEtagCheck() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("kmsKeyId", "alias/backups")))) {
      store.putObject(bucket, "sse-kms", new TestStreams.Generated(1000, 2));

      HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(bucket).key("sse-kms"));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(store.config().verifyETag()).isFalse();
    }
  }

  @Test
  void customerKeysEncryptEveryReadAndWriteAndRuleOutSignedUrls() throws Exception {
    Path keyFile = Files.createTempFile("sse-c", ".key");
    Files.write(keyFile, "0123456789abcdef0123456789abcdef".getBytes());
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(
            S3.config(
                bucket,
                Map.of(
                    "customerKeyEncryptionFile",
                    keyFile.toString(),
                    "multipartPartSize",
                    "5Mi")))) {
      TestStreams.Generated small = new TestStreams.Generated(1000, 3);
      TestStreams.Generated large = new TestStreams.Generated(11 * MIB, 4);
      store.putObject(bucket, "sse-c/small", small);
      store.putObject(bucket, "sse-c/large", large);

      assertThat(store.objectExists(bucket, "sse-c/large")).isTrue();
      try (InputStream in = store.getObject(bucket, "sse-c/small")) {
        assertThat(TestStreams.sha256AndSize(in)[0]).isEqualTo(small.digest());
      }
      try (InputStream in = store.getObject(bucket, "sse-c/large")) {
        assertThat(TestStreams.sha256AndSize(in)[0]).isEqualTo(large.digest());
      }
      assertThatThrownBy(
              () -> S3.admin().getObjectAsBytes(b -> b.bucket(bucket).key("sse-c/small")))
          .as("without the key the object cannot be read")
          .isInstanceOf(S3Exception.class);
      assertThat(store.capabilities()).containsExactly(Capability.ATOMIC_CREATE);
      assertThatThrownBy(() -> store.createSignedUrl(bucket, "sse-c/small", Duration.ofMinutes(1)))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_SUPPORTED));
    } finally {
      Files.delete(keyFile);
    }
  }

  @Test
  void aCustomerKeyOfTheWrongLengthIsRefusedWithoutShowingIt() throws Exception {
    Path keyFile = Files.createTempFile("sse-c", ".key");
    Files.write(keyFile, "short-secret-key\n".getBytes());
    try {
      assertThatThrownBy(
              () ->
                  S3ObjectBackupStore.create(
                      S3.config(bucket, Map.of("customerKeyEncryptionFile", keyFile.toString()))))
          .hasMessageContaining("17 bytes")
          .hasMessageContaining("exactly 32 bytes")
          .hasMessageNotContaining("short-secret-key");
    } finally {
      Files.delete(keyFile);
    }
  }

  @Test
  void tagsGoWithSinglePutsAndMultipartUploads() {
    Interceptors.RecordHeaders recorder = new Interceptors.RecordHeaders();
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.builder(
                S3StoreConfig.parse(
                    S3.config(
                        bucket,
                        Map.of(
                            "tagging", "team=platform&kind=backup", "multipartPartSize", "5Mi"))))
            .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
            .build()) {
      store.putObject(bucket, "tagged/small", new TestStreams.Generated(10, 5));
      store.putObject(bucket, "tagged/large", new TestStreams.Generated(6 * MIB, 6));
    }
    assertThat(recorder.first("PutObjectRequest"))
        .containsEntry("x-amz-tagging", java.util.List.of("team=platform&kind=backup"));
    assertThat(recorder.first("CreateMultipartUploadRequest"))
        .containsEntry("x-amz-tagging", java.util.List.of("team=platform&kind=backup"));
  }
}
