package io.stowage.examples.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.PluginContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not cover: the on-disk layout and the configuration errors. */
class FlatDirectoryStoreTest {
  @TempDir Path directory;

  @Test
  void eachObjectIsOneFileNamedByItsEncodedKey() throws IOException {
    ObjectBackupStore store = open(Map.of("directory", directory.toString()));

    store.putObject("velero", "backups/nightly/velero-backup.json", body("{}"));

    try (Stream<Path> files = Files.list(directory.resolve("velero"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly("backups%2Fnightly%2Fvelero-backup.json");
    }
    assertThat(store.listObjects("velero", "backups/"))
        .containsExactly("backups/nightly/velero-backup.json");
  }

  @Test
  void keysTooLongForAFileNameAreRefusedWithTheReason() {
    ObjectBackupStore store = open(Map.of("directory", directory.toString()));

    assertThatThrownBy(() -> store.putObject("velero", "a/".repeat(100), body("x")))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("at most 255 bytes");
  }

  @Test
  void bucketsThatWouldLeaveTheDirectoryAreRefused() {
    ObjectBackupStore store = open(Map.of("directory", directory.toString()));

    assertThatThrownBy(() -> store.putObject("..", "k", body("x")))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not a valid folder name");
    assertThatThrownBy(() -> store.objectExists("a/b", "k"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not a valid folder name");
  }

  @Test
  void theDirectoryIsRequired() {
    assertThatThrownBy(() -> open(Map.of("bucket", "velero")))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("config key \"directory\" is required");
  }

  @Test
  void unknownKeysAreRefusedWithTheValidOnes() {
    assertThatThrownBy(() -> open(Map.of("directory", directory.toString(), "root", "/x")))
        .isInstanceOf(BackupException.class)
        .hasMessage(
            "config has invalid keys [root]; valid keys are"
                + " [bucket, caCert, directory, fsync, prefix]");
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
    Path file = Files.writeString(directory.resolve("plain-file"), "x");

    assertThatThrownBy(() -> open(Map.of("directory", file.toString())))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("which is not a directory");
  }

  @Test
  void fsyncMustBeABoolean() {
    assertThatThrownBy(() -> open(Map.of("directory", directory.toString(), "fsync", "yes")))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("\"fsync\" must be true or false, not \"yes\"");
    assertThat(open(Map.of("directory", directory.toString(), "fsync", "false")))
        .isInstanceOf(FlatDirectoryStore.class);
  }

  private static ObjectBackupStore open(Map<String, String> config) {
    return new FlatDirectoryStoreProvider().create(PluginContext.of(config));
  }

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
