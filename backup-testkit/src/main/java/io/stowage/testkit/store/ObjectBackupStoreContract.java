package io.stowage.testkit.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStore.Capability;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.store.ContentSource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ObjectBackupStore} passes. An implementation's test extends this class
 * and supplies {@link #newStore()}; optional features are checked according to {@link
 * ObjectBackupStore#capabilities()}, and a store without one must refuse it with {@link
 * StandardErrorCode#NOT_SUPPORTED}.
 *
 * <p>Each test gets a new store from {@link #newStore()} and writes only under {@link #bucket()}.
 */
public abstract class ObjectBackupStoreContract {
  /** Bytes of the large-object test; above common multipart thresholds. */
  protected static final int LARGE_OBJECT_BYTES = 12 * 1024 * 1024;

  protected ObjectBackupStore store;

  /** A new store whose {@link #bucket()} exists and is empty. */
  protected abstract ObjectBackupStore newStore() throws Exception;

  /** The bucket the tests write to. */
  protected String bucket() {
    return "stowage-contract";
  }

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void putThenGetReturnsTheSameBytes() throws IOException {
    put("a/b/c.txt", "hello");

    assertThat(read("a/b/c.txt")).isEqualTo("hello");
    assertThat(store.objectExists(bucket(), "a/b/c.txt")).isTrue();
  }

  @Test
  void putReplacesAnExistingObject() throws IOException {
    put("k", "first");
    put("k", "second");

    assertThat(read("k")).isEqualTo("second");
  }

  @Test
  void emptyAndBinaryObjectsRoundTrip() throws IOException {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    store.putObject(bucket(), "empty", new ByteArrayInputStream(new byte[0]));
    store.putObject(bucket(), "binary", new ByteArrayInputStream(binary));

    assertThat(readBytes("empty")).isEmpty();
    assertThat(readBytes("binary")).isEqualTo(binary);
  }

  @Test
  void largeObjectStreamsThrough() throws Exception {
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024];
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    InputStream body =
        new InputStream() {
          private long remaining = LARGE_OBJECT_BYTES;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
              return -1;
            }
            int n = (int) Math.min(Math.min(length, chunk.length), remaining);
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            expected.update(buffer, offset, n);
            remaining -= n;
            return n;
          }
        };
    store.putObject(bucket(), "large.bin", body);

    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    long size = 0;
    try (InputStream in = store.getObject(bucket(), "large.bin")) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        actual.update(buffer, 0, n);
        size += n;
      }
    }
    assertThat(size).isEqualTo(LARGE_OBJECT_BYTES);
    assertThat(actual.digest()).isEqualTo(expected.digest());
  }

  @Test
  void missingObjectDoesNotExistAndCannotBeRead() {
    assertThat(store.objectExists(bucket(), "missing")).isFalse();
    assertThatThrownBy(() -> store.getObject(bucket(), "missing").close())
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void deleteRemovesAndIgnoresMissing() throws IOException {
    put("gone", "x");

    store.deleteObject(bucket(), "gone");
    store.deleteObject(bucket(), "never-there");

    assertThat(store.objectExists(bucket(), "gone")).isFalse();
  }

  @Test
  void listObjectsIsRecursiveSortedAndRespectsThePrefix() throws IOException {
    put("backups/foo/velero-backup.json", "1");
    put("backups/foo/foo.tar.gz", "2");
    put("backups/foo-2/velero-backup.json", "3");
    put("backups/foo/deeper/x", "4");
    put("restores/r/x", "5");

    assertThat(store.listObjects(bucket(), "backups/foo/"))
        .containsExactly(
            "backups/foo/deeper/x", "backups/foo/foo.tar.gz", "backups/foo/velero-backup.json");
    assertThat(store.listObjects(bucket(), "")).hasSize(5);
    assertThat(store.listObjects(bucket(), "nothing/")).isEmpty();
  }

  @Test
  void listCommonPrefixesGivesFullPrefixesAsVeleroDoes() throws IOException {
    put("a-prefix/foo-1/bar", "1");
    put("a-prefix/foo-1/baz", "2");
    put("a-prefix/foo-2/baz", "3");
    put("a-prefix/loose-file", "4");
    put("other/x", "5");

    assertThat(store.listCommonPrefixes(bucket(), "a-prefix/", "/"))
        .containsExactly("a-prefix/foo-1/", "a-prefix/foo-2/");
    assertThat(store.listCommonPrefixes(bucket(), "", "/")).containsExactly("a-prefix/", "other/");
    assertThat(store.listCommonPrefixes(bucket(), "none/", "/")).isEmpty();
  }

  @Test
  void putIfAbsentWritesOnceAndKeepsTheFirst() throws IOException {
    assertThat(store.putObjectIfAbsent(bucket(), "once", stream("first"))).isTrue();
    assertThat(store.putObjectIfAbsent(bucket(), "once", stream("second"))).isFalse();

    assertThat(read("once")).isEqualTo("first");
  }

  @Test
  void failedPutLeavesNoObjectAndKeepsThePreviousOne() throws IOException {
    put("kept", "original");

    assertThatThrownBy(() -> store.putObject(bucket(), "kept", failingStream(100_000)))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> store.putObject(bucket(), "never", failingStream(100_000)))
        .isInstanceOf(RuntimeException.class);

    assertThat(read("kept")).isEqualTo("original");
    assertThat(store.objectExists(bucket(), "never")).isFalse();
    assertThat(store.listObjects(bucket(), "never")).isEmpty();
  }

  @Test
  void concurrentPutsToDistinctKeysAllLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String key = "parallel/" + i;
        futures.add(pool.submit(() -> store.putObject(bucket(), key, stream(key))));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.listObjects(bucket(), "parallel/")).hasSize(32);
    assertThat(read("parallel/7")).isEqualTo("parallel/7");
  }

  @Test
  void signedUrlsServeTheObjectOrAreRefused() throws Exception {
    put("signed/object.txt", "signed content");

    if (store.capabilities().contains(Capability.SIGNED_URLS)) {
      URI url = store.createSignedUrl(bucket(), "signed/object.txt", Duration.ofMinutes(10));
      assertThat(fetch(url)).isEqualTo("signed content");
    } else {
      assertThatThrownBy(
              () -> store.createSignedUrl(bucket(), "signed/object.txt", Duration.ofMinutes(10)))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_SUPPORTED));
    }
  }

  @Test
  void backupStoreWritesVeleroLayoutWithMetadataLast() throws IOException {
    BackupStore backups = store.forLocation(bucket(), "/team-a/");

    backups.putBackup("nightly", backupFiles("nightly", "tarball-bytes"));

    assertThat(backups.listBackups()).containsExactly("nightly");
    assertThat(backups.backupExists("nightly")).isTrue();
    assertThat(backups.getBackupMetadata("nightly").getMetadata().getName()).isEqualTo("nightly");
    assertThat(store.listObjects(bucket(), "team-a/backups/nightly/"))
        .containsExactlyInAnyOrder(
            "team-a/backups/nightly/velero-backup.json",
            "team-a/backups/nightly/nightly.tar.gz",
            "team-a/backups/nightly/nightly-logs.gz");
    assertThat(backups.invalidTopLevelDirectories()).isEmpty();
    try (InputStream in = backups.get("nightly", BackupFile.CONTENTS)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("tarball-bytes");
    }
  }

  @Test
  void backupStoreNeverOverwritesAnExistingBackup() throws IOException {
    BackupStore backups = store.forLocation(bucket(), "");
    backups.putBackup("once", backupFiles("once", "first"));

    assertThatThrownBy(() -> backups.putBackup("once", backupFiles("once", "second")))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.ALREADY_EXISTS))
        .hasMessageContaining("already exists");
    try (InputStream in = backups.get("once", BackupFile.CONTENTS)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("first");
    }
  }

  @Test
  void backupWhoseTarballFailsLeavesNothingVisible() {
    BackupStore backups = store.forLocation(bucket(), "");
    Map<BackupFile, ContentSource> files = backupFiles("broken", "unused");
    files.put(BackupFile.CONTENTS, () -> failingStream(10_000));
    files.put(BackupFile.RESOURCE_LIST, () -> stream("{}"));

    assertThatThrownBy(() -> backups.putBackup("broken", files))
        .isInstanceOf(RuntimeException.class);

    assertThat(backups.backupExists("broken")).isFalse();
    assertThat(backups.listBackups()).doesNotContain("broken");
  }

  @Test
  void deleteBackupRemovesEveryObjectOfThatBackupOnly() throws IOException {
    BackupStore backups = store.forLocation(bucket(), "p");
    backups.putBackup("foo", backupFiles("foo", "a"));
    backups.putBackup("foo-2", backupFiles("foo-2", "b"));

    backups.deleteBackup("foo");

    assertThat(backups.listBackups()).containsExactly("foo-2");
    assertThat(store.listObjects(bucket(), "p/backups/foo/")).isEmpty();
  }

  @Test
  void foreignTopLevelDirectoriesAreReported() throws IOException {
    put("p/backups/x/velero-backup.json", "{}");
    put("p/junk/file", "x");

    assertThat(store.forLocation(bucket(), "p").invalidTopLevelDirectories())
        .containsExactly("junk");
  }

  private Map<BackupFile, ContentSource> backupFiles(String name, String tarball) {
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    byte[] metadata = VeleroJson.mapper().writeValueAsBytes(backup);
    Map<BackupFile, ContentSource> files = new EnumMap<>(BackupFile.class);
    files.put(BackupFile.METADATA, () -> new ByteArrayInputStream(metadata));
    files.put(BackupFile.CONTENTS, () -> stream(tarball));
    files.put(BackupFile.LOG, () -> stream("log line\n"));
    return files;
  }

  private void put(String key, String content) {
    store.putObject(bucket(), key, stream(content));
  }

  private String read(String key) throws IOException {
    return new String(readBytes(key), UTF_8);
  }

  private byte[] readBytes(String key) throws IOException {
    try (InputStream in = store.getObject(bucket(), key)) {
      return in.readAllBytes();
    }
  }

  private static InputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(UTF_8));
  }

  /** A stream that fails with an IOException after {@code bytes} bytes. */
  protected static InputStream failingStream(int bytes) {
    return new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served >= bytes) {
          throw new IOException("simulated read failure after " + bytes + " bytes");
        }
        served++;
        return 'x';
      }
    };
  }

  private static String fetch(URI url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    return response.body();
  }
}
