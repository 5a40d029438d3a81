package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wrong credentials, a missing bucket, an unreachable endpoint and a store without conditional
 * writes end in a {@link BackupException} that names the location and what to check, and never
 * shows a secret.
 */
class S3ErrorsTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("errors");
  }

  @Test
  void aWrongSecretNamesTheLocationAndTheCredentialsFileButNotTheSecret() {
    Path wrong = EmbeddedS3.writeCredentials(EmbeddedS3.ACCESS_KEY, "not-the-secret-123");
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(
            S3.config(bucket, Map.of("credentialsFile", wrong.toString())))) {
      assertThatThrownBy(() -> store.putObject(bucket, "backups/x/file", stream("x")))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CREDENTIALS_REJECTED);
                assertThat(e.hint().orElseThrow())
                    .contains("secret access key")
                    .contains(wrong.toString())
                    .contains("profile default");
              })
          .hasMessageContaining("bucket " + bucket)
          .hasMessageContaining(S3.endpoint().toString())
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageNotContaining("not-the-secret-123");

      // HEAD answers have no body, so no error code: still a clear message.
      assertThatThrownBy(() -> store.objectExists(bucket, "backups/x/file"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED))
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("credentials file " + wrong);
    }
  }

  @Test
  void anUnknownAccessKeySaysSo() {
    Path unknown = EmbeddedS3.writeCredentials("AKIDUNKNOWN", EmbeddedS3.SECRET_KEY);
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(
            S3.config(bucket, Map.of("credentialsFile", unknown.toString())))) {
      assertThatThrownBy(() -> store.listObjects(bucket, "backups/"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CREDENTIALS_REJECTED);
                assertThat(e.hint().orElseThrow()).contains("does not know this access key id");
              })
          .hasMessageContaining("InvalidAccessKeyId")
          .hasMessageContaining("bucket " + bucket);
    }
  }

  @Test
  void aMissingBucketNamesBucketAndEndpoint() {
    try (S3ObjectBackupStore store = S3ObjectBackupStore.create(S3.config("no-such-bucket"))) {
      assertThatThrownBy(() -> store.putObject("no-such-bucket", "k", stream("x")))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.BUCKET_NOT_FOUND);
                assertThat(e.hint().orElseThrow()).contains("spec.objectStorage.bucket");
              })
          .hasMessageContaining("bucket no-such-bucket at " + S3.endpoint());
      assertThatThrownBy(() -> store.listCommonPrefixes("no-such-bucket", "", "/"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.BUCKET_NOT_FOUND));
    }
  }

  @Test
  void anUnreachableEndpointSaysWhichAndWhatToCheck() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closedPort;
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("s3Url", endpoint)))) {
      assertThatThrownBy(() -> store.objectExists(bucket, "k"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ENDPOINT_UNREACHABLE);
                assertThat(e.hint().orElseThrow()).contains("s3Url");
              })
          .hasMessageContaining(endpoint)
          .hasMessageContaining("bucket " + bucket);
    }
  }

  @Test
  void aVirtualHostedBucketNameThatDoesNotResolvePointsToPathStyle() {
    String host = bucket + ".localhost";
    assumeTrue(!resolves(host), "this machine's resolver answers " + host);
    Map<String, String> virtualHosted =
        Map.of("s3Url", "http://localhost:" + S3.port(), "s3ForcePathStyle", "false");
    try (S3ObjectBackupStore store = S3ObjectBackupStore.create(S3.config(bucket, virtualHosted))) {
      assertThatThrownBy(() -> store.objectExists(bucket, "k"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ENDPOINT_UNREACHABLE);
                assertThat(e.hint().orElseThrow()).contains("s3ForcePathStyle=true");
              })
          .hasMessageContaining(host);
    }
  }

  @Test
  void aStoreWithoutConditionalWritesPointsToTheKey() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket)))
            .overrideConfiguration(
                o -> o.addExecutionInterceptor(new Interceptors.NoConditionalWrites()))
            .build()) {
      assertThatThrownBy(() -> store.putObjectIfAbsent(bucket, "create-only", stream("x")))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CONDITIONAL_WRITE_UNSUPPORTED);
                assertThat(e.hint().orElseThrow()).contains("conditionalWrites=false");
              });
      // Plain writes are not affected.
      store.putObject(bucket, "plain", stream("x"));
      assertThat(store.objectExists(bucket, "plain")).isTrue();
    }
  }

  @Test
  void badConfigurationIsRefusedWhenTheStoreIsCreated() {
    assertThatThrownBy(
            () ->
                S3ObjectBackupStore.create(
                    S3.config(bucket, Map.of("credentialsFile", "/no/such/file"))))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("/no/such/file")
        .hasMessageContaining("spec.credential");
    assertThatThrownBy(
            () -> S3ObjectBackupStore.create(S3.config(bucket, Map.of("profile", "backup"))))
        .hasMessageContaining("has no profile \"backup\"")
        .hasMessageContaining("[default]");
  }

  private static boolean resolves(String host) {
    try {
      InetAddress.getByName(host);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static ByteArrayInputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes());
  }
}
