package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.velero.v1.BackupStorageLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreUriTest {
  @Test
  void absoluteFileUriSplitsIntoRootAndBucket() {
    StoreUri uri = StoreUri.parse("file:///var/backups/stowage");

    assertThat(uri.provider()).isEqualTo("filesystem");
    assertThat(uri.bucket()).isEqualTo("stowage");
    assertThat(uri.prefix()).isEmpty();
    assertThat(uri.config()).containsExactly(Map.entry("root", "/var/backups"));
    assertThat(uri.localDirectory()).contains(Path.of("/var/backups/stowage"));
  }

  @Test
  void trailingSlashesAndDotsAreNormalized() {
    StoreUri uri = StoreUri.parse("file:///var/backups/./stowage//");

    assertThat(uri.bucket()).isEqualTo("stowage");
    assertThat(uri.config()).containsEntry("root", "/var/backups");
  }

  @Test
  void relativeFileUrisResolveAgainstTheCurrentDirectory() {
    Path cwd = Path.of("").toAbsolutePath();

    for (String text : new String[] {"file://backups/store", "file:backups/store/"}) {
      StoreUri uri = StoreUri.parse(text);
      assertThat(uri.bucket()).as(text).isEqualTo("store");
      assertThat(uri.config()).as(text).containsEntry("root", cwd.resolve("backups").toString());
    }
  }

  @Test
  void localhostAndPercentEscapesInFileUris() {
    StoreUri uri = StoreUri.parse("file://localhost/tmp/my%20store+1");

    assertThat(uri.bucket()).isEqualTo("my store+1");
    assertThat(uri.config()).containsEntry("root", "/tmp");
  }

  @Test
  void fileUriOfTheRootDirectoryOrNothingIsRefused() {
    assertThatThrownBy(() -> StoreUri.parse("file:///"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root directory");
    assertThatThrownBy(() -> StoreUri.parse("file://"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no directory");
  }

  @Test
  void s3UriWithoutPrefix() {
    StoreUri uri = StoreUri.parse("s3://velero-backups");

    assertThat(uri.provider()).isEqualTo("aws");
    assertThat(uri.bucket()).isEqualTo("velero-backups");
    assertThat(uri.prefix()).isEmpty();
    assertThat(uri.config()).isEmpty();
    assertThat(uri.localDirectory()).isEmpty();
  }

  @Test
  void s3UriWithPrefixAndQueryParameters() {
    StoreUri uri =
        StoreUri.parse(
            "s3://velero-backups/cluster-a/nightly/?region=eu-west-1"
                + "&s3Url=http%3A%2F%2F127.0.0.1%3A9000&s3ForcePathStyle=true&tagging=a%3D1%26b%3D2");

    assertThat(uri.bucket()).isEqualTo("velero-backups");
    assertThat(uri.prefix()).isEqualTo("cluster-a/nightly");
    assertThat(uri.config())
        .containsOnly(
            Map.entry("region", "eu-west-1"),
            Map.entry("s3Url", "http://127.0.0.1:9000"),
            Map.entry("s3ForcePathStyle", "true"),
            Map.entry("tagging", "a=1&b=2"));
  }

  @Test
  void badQueryParametersAreRefused() {
    assertThatThrownBy(() -> StoreUri.parse("s3://b?region"))
        .hasMessageContaining("\"region\"")
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> StoreUri.parse("s3://b?region=a&region=b"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> StoreUri.parse("file:///tmp/x?root=/elsewhere"))
        .hasMessageContaining("root");
  }

  @Test
  void s3UriWithoutBucketIsRefused() {
    assertThatThrownBy(() -> StoreUri.parse("s3:///prefix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no bucket");
  }

  @Test
  void unknownOrMissingSchemeListsTheSupportedOnes() {
    assertThatThrownBy(() -> StoreUri.parse("gs://bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"gs:\"")
        .hasMessageContaining("file://")
        .hasMessageContaining("s3://");
    assertThatThrownBy(() -> StoreUri.parse("/tmp/store"))
        .hasMessageContaining("has no scheme")
        .hasMessageContaining("file://")
        .hasMessageContaining("s3://");
  }

  @Test
  void toLocationBuildsTheBackupStorageLocation() {
    BackupStorageLocation location =
        StoreUri.parse("s3://bucket/prefix?region=us-east-1").toLocation("default", "velero");

    assertThat(location.getMetadata().getName()).isEqualTo("default");
    assertThat(location.getMetadata().getNamespace()).isEqualTo("velero");
    assertThat(location.getSpec().getProvider()).isEqualTo("aws");
    assertThat(location.getSpec().getObjectStorage().getBucket()).isEqualTo("bucket");
    assertThat(location.getSpec().getObjectStorage().getPrefix()).isEqualTo("prefix");
    assertThat(location.getSpec().getConfig()).containsExactly(Map.entry("region", "us-east-1"));
  }
}
