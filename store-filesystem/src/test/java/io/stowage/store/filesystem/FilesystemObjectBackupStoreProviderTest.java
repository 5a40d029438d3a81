package io.stowage.store.filesystem;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider as the plugin registry finds it, and its configuration checks. */
class FilesystemObjectBackupStoreProviderTest {
  @TempDir Path root;

  @Test
  void serviceLoaderFindsTheFilesystemProvider() {
    assertThat(filesystemProvider()).isInstanceOf(FilesystemObjectBackupStoreProvider.class);
  }

  @Test
  void createsAStoreOnTheRootAcceptingTheKeysVeleroAlwaysPasses() throws IOException {
    ObjectBackupStore store =
        filesystemProvider()
            .create(
                PluginContext.of(
                    Map.of(
                        "root", root.toString(),
                        "bucket", "velero",
                        "prefix", "team-a",
                        "caCert", "-----BEGIN CERTIFICATE-----")));

    store.putObject("velero", "team-a/backups/x/velero-backup.json", content("{}"));

    assertThat(root.resolve("velero/team-a/backups/x/velero-backup.json")).hasContent("{}");
    assertThat(store.capabilities()).contains(ObjectBackupStore.Capability.ATOMIC_CREATE);
  }

  @Test
  void unknownKeysAreRefusedWithTheValidOnes() {
    assertThatThrownBy(
            () ->
                filesystemProvider()
                    .create(
                        PluginContext.of(
                            Map.of("root", root.toString(), "region", "eu", "s3Url", "x"))))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "config has invalid keys [region, s3Url];"
                          + " valid keys are [bucket, caCert, prefix, root]");
            });
  }

  @Test
  void credentialsFileIsNotAFilesystemKey() {
    assertThatThrownBy(
            () ->
                filesystemProvider()
                    .create(
                        PluginContext.of(
                            Map.of("root", root.toString(), "credentialsFile", "/creds"))))
        .hasMessageContaining("invalid keys [credentialsFile]");
  }

  @Test
  void aMissingOrBlankRootIsNamed() {
    for (Map<String, String> config :
        java.util.List.of(Map.of("bucket", "b"), Map.of("root", " "))) {
      assertThatThrownBy(() -> filesystemProvider().create(PluginContext.of(config)))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).contains("\"root\" is required", "filesystem");
              });
    }
  }

  @Test
  void aRootThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(root.resolve("file"), "x");

    assertThatThrownBy(
            () -> filesystemProvider().create(PluginContext.of(Map.of("root", file.toString()))))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("\"root\"", file.toString(), "not a directory");
            });
  }

  @Test
  void creatingAStoreTouchesNothing() {
    Path missing = root.resolve("missing");

    filesystemProvider().create(PluginContext.of(Map.of("root", missing.toString())));

    assertThat(missing).doesNotExist();
  }

  private static ObjectBackupStoreProvider filesystemProvider() {
    return ServiceLoader.load(ObjectBackupStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(provider -> provider.name().equals("filesystem"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ObjectBackupStoreProvider named filesystem"));
  }

  private static ByteArrayInputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }
}
