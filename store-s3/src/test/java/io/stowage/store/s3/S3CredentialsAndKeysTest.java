package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ClusterAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Where credentials and SSE-C keys come from, without a server. */
class S3CredentialsAndKeysTest {
  @Test
  void aSharedConfigFileWithProfileSectionsNeedsEnableSharedConfig() throws Exception {
    Path file = Files.createTempFile("aws-config", "");
    Files.writeString(
        file,
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n"
            + "[profile backup]\naws_access_key_id = AKIDBACKUP\naws_secret_access_key = s2\n");
    try {
      AwsCredentialsProvider provider =
          S3Credentials.provider(
              S3StoreConfig.parse(
                  Map.of(
                      "credentialsFile", file.toString(),
                      "enableSharedConfig", "true",
                      "profile", "backup")));
      AwsCredentials credentials = provider.resolveCredentials();
      assertThat(credentials.accessKeyId()).isEqualTo("AKIDBACKUP");

      assertThat(
              S3Credentials.provider(
                      S3StoreConfig.parse(Map.of("credentialsFile", file.toString())))
                  .resolveCredentials()
                  .accessKeyId())
          .isEqualTo("AKIDDEFAULT");
      assertThatThrownBy(
              () ->
                  S3Credentials.provider(
                      S3StoreConfig.parse(
                          Map.of("credentialsFile", file.toString(), "profile", "backup"))))
          .hasMessageContaining("has no profile \"backup\"")
          .hasMessageNotContaining("s2");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void customerKeySecretIsReadFromVelerosNamespace() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
    ObjectNode secret = JsonMapper.builder().build().createObjectNode();
    secret.putObject("data").put("sse-c", Base64.getEncoder().encodeToString(key));
    ClusterAccess cluster =
        new FakeCluster(
            new ResourceIdentifier(GroupResource.core("secrets"), "backup-system", "s3-keys"),
            secret);
    S3Encryption encryption =
        S3StoreConfig.parse(Map.of("customerKeyEncryptionSecret", "s3-keys/sse-c")).encryption();

    CustomerKeys.CustomerKey loaded =
        CustomerKeys.load(
                encryption, Optional.of(cluster), Map.of("VELERO_NAMESPACE", "backup-system"))
            .orElseThrow();

    assertThat(loaded.base64Key()).isEqualTo(Base64.getEncoder().encodeToString(key));
    assertThat(loaded.toString()).doesNotContain(loaded.base64Key());
    assertThatThrownBy(() -> CustomerKeys.load(encryption, Optional.of(cluster), Map.of()))
        .hasMessageContaining("Secret velero/s3-keys");
    assertThatThrownBy(() -> CustomerKeys.load(encryption, Optional.empty(), Map.of()))
        .hasMessageContaining("customerKeyEncryptionFile instead");
  }

  private static final class FakeCluster implements ClusterAccess {
    private final ResourceIdentifier id;
    private final ObjectNode object;

    FakeCluster(ResourceIdentifier id, ObjectNode object) {
      this.id = id;
      this.object = object;
    }

    @Override
    public Optional<ObjectNode> get(ResourceIdentifier wanted) {
      return wanted.equals(id) ? Optional.of(object) : Optional.empty();
    }

    @Override
    public List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode create(GroupResource resource, ObjectNode body) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode mergePatch(ResourceIdentifier wanted, ObjectNode patch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(ResourceIdentifier wanted) {
      throw new UnsupportedOperationException();
    }
  }
}
