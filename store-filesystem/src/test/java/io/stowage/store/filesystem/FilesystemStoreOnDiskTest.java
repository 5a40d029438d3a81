package io.stowage.store.filesystem;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does on disk, beyond the contract every store passes. */
class FilesystemStoreOnDiskTest {
  private static final String BUCKET = "velero";

  @TempDir Path temp;
  private Path root;
  private Path bucket;
  private FilesystemObjectBackupStore store;

  @BeforeEach
  void createStore() {
    root = temp.resolve("not/yet/there");
    bucket = root.resolve(BUCKET);
    store = new FilesystemObjectBackupStore(root);
  }

  @Test
  void keysAreFilesUnderTheBucketDirectory() throws IOException {
    put("team-a/backups/nightly/velero-backup.json", "{}");

    assertThat(Files.readString(bucket.resolve("team-a/backups/nightly/velero-backup.json")))
        .isEqualTo("{}");
    assertThat(store.root()).isEqualTo(root.toAbsolutePath());
  }

  @Test
  void aMissingRootAndBucketReadAsEmptyAndAreCreatedOnFirstWrite() {
    assertThat(store.listObjects(BUCKET, "")).isEmpty();
    assertThat(store.listCommonPrefixes(BUCKET, "", "/")).isEmpty();
    assertThat(store.objectExists(BUCKET, "backups/x/velero-backup.json")).isFalse();
    store.deleteObject(BUCKET, "backups/x/velero-backup.json");
    assertThat(root).doesNotExist();

    put("backups/x/velero-backup.json", "{}");

    assertThat(bucket).isDirectory();
    assertThat(store.listObjects(BUCKET, "")).containsExactly("backups/x/velero-backup.json");
  }

  @Test
  void filesAreOwnerOnlyAndDirectoriesToo() throws IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));

    put("backups/x/x.tar.gz", "secret");
    store.putObjectIfAbsent(BUCKET, "backups/x/velero-backup.json", content("{}"));
    put("backups/x/x.tar.gz", "replaced");

    for (String key : List.of("backups/x/x.tar.gz", "backups/x/velero-backup.json")) {
      assertThat(permissions(bucket.resolve(key))).as(key).isEqualTo("rw-------");
    }
    for (Path directory :
        List.of(
            temp.resolve("not"),
            root,
            bucket,
            bucket.resolve("backups"),
            bucket.resolve("backups/x"))) {
      assertThat(permissions(directory)).as(directory.toString()).isEqualTo("rwx------");
    }
  }

  @Test
  void existingDirectoriesKeepTheirPermissions() throws IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Files.createDirectories(bucket);
    Files.setPosixFilePermissions(bucket, PosixFilePermissions.fromString("rwxr-x---"));

    put("k", "v");

    assertThat(permissions(bucket)).isEqualTo("rwxr-x---");
  }

  @Test
  void failedPutsLeaveNoTemporaryFileAndNoNewDirectory() throws IOException {
    put("backups/x/kept", "original");

    assertThatThrownBy(() -> store.putObject(BUCKET, "backups/x/kept", failingStream()))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED);
              assertThat(e.getMessage()).contains("backups/x/kept", "simulated");
            });
    assertThatThrownBy(() -> store.putObjectIfAbsent(BUCKET, "backups/y/deep/new", failingStream()))
        .isInstanceOf(BackupException.class);

    assertThat(filesUnder(root)).containsExactly(bucket.resolve("backups/x/kept"));
    assertThat(bucket.resolve("backups/y")).doesNotExist();
    assertThat(get("backups/x/kept")).isEqualTo("original");
  }

  @Test
  void anInterruptedPutKeepsThePreviousObjectAndLeavesNoTemporaryFile() throws IOException {
    put("kept", "original");

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () -> store.putObject(BUCKET, "kept", new ByteArrayInputStream(new byte[1 << 20])))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED));
    } finally {
      assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
    }

    assertThat(filesUnder(root)).containsExactly(bucket.resolve("kept"));
    assertThat(get("kept")).isEqualTo("original");
  }

  @Test
  void aFileSystemFailureNamesThePathAndWhatToCheck() throws IOException {
    String key = "backups/" + "n".repeat(300) + "/velero-backup.json";

    assertThatThrownBy(() -> put(key, "{}"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED);
              assertThat(e.getMessage())
                  .contains(bucket.resolve("backups").toString(), "check", "disk space");
            });
    assertThat(filesUnder(root)).isEmpty();
  }

  @Test
  void listingsIgnoreTemporaryFilesEmptyDirectoriesAndLinks() throws IOException {
    put("backups/real/velero-backup.json", "{}");
    Files.createDirectories(bucket.resolve("backups/empty/deeper"));
    Files.createDirectories(bucket.resolve("backups/stale"));
    Files.writeString(bucket.resolve("backups/stale/.stowage-tmp-0123"), "partial");
    Files.writeString(bucket.resolve(".stowage-tmp-4567"), "partial");
    Files.createDirectories(bucket.resolve(".stowage-tmp-dir"));
    Files.writeString(bucket.resolve(".stowage-tmp-dir/x"), "partial");
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "not an object");
    Files.createSymbolicLink(bucket.resolve("backups/linked"), outside);
    Files.createSymbolicLink(bucket.resolve("backups/real/link.json"), outside.resolve("secret"));

    assertThat(store.listObjects(BUCKET, "")).containsExactly("backups/real/velero-backup.json");
    assertThat(store.listCommonPrefixes(BUCKET, "backups/", "/")).containsExactly("backups/real/");
    assertThat(store.listCommonPrefixes(BUCKET, "", "/")).containsExactly("backups/");
    assertThat(store.objectExists(BUCKET, "backups/real/link.json")).isFalse();
    assertThatThrownBy(() -> store.getObject(BUCKET, "backups/real/link.json"))
        .isInstanceOf(ObjectNotFoundException.class);
    store.deleteObject(BUCKET, "backups/real/link.json");
    assertThat(outside.resolve("secret")).exists();
  }

  @Test
  void aBucketThatIsASymbolicLinkWorks() throws IOException {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createDirectories(root);
    Files.createSymbolicLink(bucket, elsewhere);

    put("backups/x/velero-backup.json", "{}");

    assertThat(elsewhere.resolve("backups/x/velero-backup.json")).hasContent("{}");
    assertThat(store.listObjects(BUCKET, "backups/"))
        .containsExactly("backups/x/velero-backup.json");
    assertThat(store.listCommonPrefixes(BUCKET, "", "/")).containsExactly("backups/");
  }

  @Test
  void listingsAreSortedByKeyNotByFileSystemOrder() {
    for (String key : List.of("a0", "a/b", "a-b", "a/a/z", "b", "a.b/c", "A")) {
      put(key, key);
    }

    assertThat(store.listObjects(BUCKET, ""))
        .containsExactly("A", "a-b", "a.b/c", "a/a/z", "a/b", "a0", "b");
    assertThat(store.listObjects(BUCKET, "a"))
        .containsExactly("a-b", "a.b/c", "a/a/z", "a/b", "a0");
    assertThat(store.listCommonPrefixes(BUCKET, "", "/")).containsExactly("a.b/", "a/");
  }

  @Test
  void partialPrefixesMatchNamesAsInABucket() {
    put("backups/foo/velero-backup.json", "1");
    put("backups/foo-2/velero-backup.json", "2");
    put("backups/food", "loose");
    put("backups/bar/velero-backup.json", "3");

    assertThat(store.listObjects(BUCKET, "backups/foo"))
        .containsExactly(
            "backups/foo-2/velero-backup.json", "backups/foo/velero-backup.json", "backups/food");
    assertThat(store.listObjects(BUCKET, "backups/foo/velero"))
        .containsExactly("backups/foo/velero-backup.json");
    assertThat(store.listCommonPrefixes(BUCKET, "backups/foo", "/"))
        .containsExactly("backups/foo-2/", "backups/foo/");
  }

  @Test
  void otherDelimitersWorkOnKeys() {
    put("logs/a-1-x", "1");
    put("logs/a-2-y", "2");
    put("logs/a-2-z", "3");
    put("logs/ab", "4");

    assertThat(store.listCommonPrefixes(BUCKET, "logs/a-", "-"))
        .containsExactly("logs/a-1-", "logs/a-2-");
    assertThatThrownBy(() -> store.listCommonPrefixes(BUCKET, "logs/", ""))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void deleteRemovesEmptyParentsUpToTheBucket() {
    put("backups/x/a", "1");
    put("backups/x/b", "2");
    put("backups/y/c", "3");

    store.deleteObject(BUCKET, "backups/x/a");
    assertThat(bucket.resolve("backups/x")).isDirectory();

    store.deleteObject(BUCKET, "backups/x/b");
    assertThat(bucket.resolve("backups/x")).doesNotExist();
    assertThat(bucket.resolve("backups")).isDirectory();

    store.deleteObject(BUCKET, "backups/y/c");
    assertThat(bucket.resolve("backups")).doesNotExist();
    assertThat(bucket).isDirectory();
  }

  @Test
  void anObjectAndKeysUnderItsNameConflict() {
    put("a", "file");
    put("d/b", "nested");

    assertThatThrownBy(() -> put("a/b", "x"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED);
              assertThat(e.getMessage()).contains("a/b", "cannot hold an object and other keys");
            });
    assertThatThrownBy(() -> put("d", "x"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.getMessage()).contains("is a directory holding other keys"));

    assertThat(store.objectExists(BUCKET, "a/b/c")).isFalse();
    assertThat(store.objectExists(BUCKET, "d")).isFalse();
    assertThatThrownBy(() -> store.getObject(BUCKET, "a/b"))
        .isInstanceOf(ObjectNotFoundException.class);
    assertThatThrownBy(() -> store.getObject(BUCKET, "d"))
        .isInstanceOf(ObjectNotFoundException.class);
    store.deleteObject(BUCKET, "a/b");
    store.deleteObject(BUCKET, "d");
    assertThat(store.listObjects(BUCKET, "")).containsExactly("a", "d/b");
  }

  @Test
  void aRootThatIsAFileIsReported() throws IOException {
    Files.createDirectories(root.getParent());
    Files.writeString(root, "not a directory");

    assertThatThrownBy(() -> put("k", "v"))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED);
              assertThat(e.getMessage()).contains(root.toString(), "not a directory");
            });
  }

  @Test
  void readsStreamAndSeeTheObjectAsItWasWhenOpened() throws IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    put("k", "0123456789");

    try (InputStream in = store.getObject(BUCKET, "k")) {
      assertThat(in.readNBytes(4)).isEqualTo("0123".getBytes(UTF_8));
      store.putObject(BUCKET, "k", content("replaced"));
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("456789");
    }
    assertThat(get("k")).isEqualTo("replaced");
  }

  private void put(String key, String text) {
    store.putObject(BUCKET, key, content(text));
  }

  private String get(String key) throws IOException {
    try (InputStream in = store.getObject(BUCKET, key)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<Path> filesUnder(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }

  private static ByteArrayInputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static InputStream failingStream() {
    return new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ >= 100_000) {
          throw new IOException("simulated read failure");
        }
        return 'x';
      }
    };
  }
}
