package io.stowage.store.filesystem;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys, buckets and prefixes that could leave the root are refused, and nothing leaks out. */
class PathSafetyTest {
  private static final String BUCKET = "bucket";

  @TempDir Path parent;
  private Path root;
  private FilesystemObjectBackupStore store;

  @BeforeEach
  void createStore() throws IOException {
    root = Files.createDirectory(parent.resolve("root"));
    store = new FilesystemObjectBackupStore(root);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../escaped",
        "../../escaped",
        "a/../../escaped",
        "a/..",
        ".",
        "./a",
        "a/./b",
        "/etc/passwd",
        "/",
        "a//b",
        "a/",
        "..\\escaped",
        "a\\..\\..\\escaped",
        "C:\\escaped",
        "a\u0000b",
        "a/\u0000/b",
        "line\nbreak",
        "a/.stowage-tmp-123"
      })
  void unsafeKeysAreRefusedByEveryVerb(String key) throws IOException {
    List<ThrowingCallable> calls =
        List.of(
            () -> store.putObject(BUCKET, key, content("x")),
            () -> store.putObjectIfAbsent(BUCKET, key, content("x")),
            () -> store.objectExists(BUCKET, key),
            () -> store.getObject(BUCKET, key),
            () -> store.deleteObject(BUCKET, key));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call)
          .isInstanceOfSatisfying(BackupException.class, invalidArgumentNaming("object key", key));
    }
    assertNothingOutsideTheRoot();
  }

  @Test
  void emptyAndNullKeysAreRefused() {
    assertThatThrownBy(() -> store.putObject(BUCKET, "", content("x")))
        .isInstanceOfSatisfying(BackupException.class, invalidArgumentNaming("object key", ""));
    assertThatThrownBy(() -> store.objectExists(BUCKET, null))
        .isInstanceOfSatisfying(BackupException.class, invalidArgumentNaming("object key", "null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "", "a/b", "/abs", "../root", "a\\b", "..\\x", "b\u0000"})
  void unsafeBucketsAreRefused(String bucket) throws IOException {
    assertThatThrownBy(() -> store.putObject(bucket, "key", content("x")))
        .isInstanceOfSatisfying(
            BackupException.class, invalidArgumentNaming("bucket name", bucket));
    assertThatThrownBy(() -> store.listObjects(bucket, ""))
        .isInstanceOfSatisfying(
            BackupException.class, invalidArgumentNaming("bucket name", bucket));
    assertNothingOutsideTheRoot();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../", "../../", "a/../", "./", "/", "/etc/", "a//", "..\\", "a\u0000/"})
  void unsafePrefixesAreRefused(String prefix) {
    assertThatThrownBy(() -> store.listObjects(BUCKET, prefix))
        .isInstanceOfSatisfying(BackupException.class, invalidArgumentNaming("prefix", prefix));
    assertThatThrownBy(() -> store.listCommonPrefixes(BUCKET, prefix, "/"))
        .isInstanceOfSatisfying(BackupException.class, invalidArgumentNaming("prefix", prefix));
  }

  @Test
  void aPartialLastSegmentIsOnlyMatchedNeverResolved() {
    store.putObject(BUCKET, "backups/a", content("x"));

    assertThat(store.listObjects(BUCKET, "backups/..")).isEmpty();
    assertThat(store.listObjects(BUCKET, "..")).isEmpty();
    assertThat(store.listCommonPrefixes(BUCKET, "..", "/")).isEmpty();
  }

  @Test
  void dotsInsideNamesAreFine() throws IOException {
    store.putObject(BUCKET, "a..b/.hidden/x.tar.gz", content("ok"));

    assertThat(Files.readString(root.resolve(BUCKET).resolve("a..b/.hidden/x.tar.gz")))
        .isEqualTo("ok");
    assertThat(store.listObjects(BUCKET, "")).containsExactly("a..b/.hidden/x.tar.gz");
  }

  private void assertNothingOutsideTheRoot() throws IOException {
    try (Stream<Path> entries = Files.list(parent)) {
      assertThat(entries).containsExactly(root);
    }
  }

  private static Consumer<BackupException> invalidArgumentNaming(String what, String value) {
    String printable = value.replace("\u0000", "\\u0000").replace("\n", "\\u000a");
    return e -> {
      assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("invalid " + what + " \"" + printable + "\"");
    };
  }

  private static ByteArrayInputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }
}
