package io.stowage.store.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore.Capability;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.store.ContentSource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Streaming multipart uploads, clean failure, and create-only writes against S3Proxy. */
class S3UploadTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();
  private static final int MIB = 1024 * 1024;

  private static String bucket;
  private S3ObjectBackupStore store;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("uploads");
  }

  @BeforeEach
  void openStore() {
    S3.empty(bucket);
    store = S3ObjectBackupStore.create(S3.config(bucket, Map.of("multipartPartSize", "5Mi")));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aStreamOfUnknownLengthGoesUpInPartsAndComesBackIdentical() throws Exception {
    TestStreams.Generated body = new TestStreams.Generated(23 * MIB + 17, 7);

    store.putObject(bucket, "big/object.bin", body);

    HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(bucket).key("big/object.bin"));
    assertThat(head.contentLength()).isEqualTo(23L * MIB + 17);
    assertThat(head.eTag()).as("a multipart ETag of 5 parts").endsWith("-5\"");
    try (InputStream in = store.getObject(bucket, "big/object.bin")) {
      String[] read = TestStreams.sha256AndSize(in);
      assertThat(read[0]).isEqualTo(body.digest());
      assertThat(read[1]).isEqualTo(Long.toString(23L * MIB + 17));
    }
  }

  @Test
  void exactlyOnePartIsOnePutObject() throws Exception {
    TestStreams.Generated body = new TestStreams.Generated(5 * MIB, 11);

    store.putObject(bucket, "one-part", body);

    HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(bucket).key("one-part"));
    assertThat(head.eTag()).doesNotContain("-");
    try (InputStream in = store.getObject(bucket, "one-part")) {
      assertThat(TestStreams.sha256AndSize(in)[0]).isEqualTo(body.digest());
    }
  }

  @Test
  void aSourceFailingMidwayLeavesNoObjectAndNoMultipartUpload() {
    // Fails after two full parts went up and while the third is read.
    TestStreams.Generated body = new TestStreams.Generated(40 * MIB, 3, 12 * MIB);

    assertThatThrownBy(() -> store.putObject(bucket, "broken/object.bin", body))
        .isInstanceOfSatisfying(
            S3StoreException.class,
            e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SOURCE_READ_FAILED))
        .hasMessageContaining("broken/object.bin")
        .hasMessageContaining(bucket)
        .hasMessageContaining("after 10485760 bytes");

    assertThat(store.objectExists(bucket, "broken/object.bin")).isFalse();
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    assertThat(S3.admin().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void aFailedReplacementKeepsThePreviousObject() throws Exception {
    store.putObject(bucket, "kept", new ByteArrayInputStream("original".getBytes(UTF_8)));

    assertThatThrownBy(
            () -> store.putObject(bucket, "kept", new TestStreams.Generated(30 * MIB, 5, 20 * MIB)))
        .isInstanceOf(S3StoreException.class);

    try (InputStream in = store.getObject(bucket, "kept")) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("original");
    }
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void putIfAbsentRefusesAnOverwriteForSmallAndMultipartObjects() throws Exception {
    assertThat(store.putObjectIfAbsent(bucket, "small", stream("first"))).isTrue();
    assertThat(store.putObjectIfAbsent(bucket, "small", stream("second"))).isFalse();

    assertThat(store.putObjectIfAbsent(bucket, "large", new TestStreams.Generated(12 * MIB, 1)))
        .isTrue();
    TestStreams.Generated second = new TestStreams.Generated(12 * MIB, 2);
    assertThat(store.putObjectIfAbsent(bucket, "large", second)).isFalse();
    assertThat(second.served()).as("the refused body is still read to its end").isEqualTo(12 * MIB);

    try (InputStream in = store.getObject(bucket, "small")) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("first");
    }
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void racingCreateOnlyWritesHaveExactlyOneWinner() throws Exception {
    assertThat(store.capabilities()).contains(Capability.ATOMIC_CREATE);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String content = "writer-" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.putObjectIfAbsent(bucket, "race", stream(content));
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void putBackupThatLosesARaceFailsWithAlreadyExistsAndKeepsTheWinner() throws Exception {
    BackupStore backups = store.forLocation(bucket, "team");
    String metadataKey = "team/backups/nightly/velero-backup.json";
    Map<BackupFile, ContentSource> files = backupFiles("nightly", "mine");
    files.put(
        BackupFile.CONTENTS,
        () -> {
          // Another writer completes the same backup after Stowage checked that it does not
          // exist: only the conditional create of the metadata can catch this.
          S3.admin()
              .putObject(
                  b -> b.bucket(bucket).key(metadataKey),
                  RequestBody.fromString("{\"winner\":\"other\"}"));
          return stream("mine");
        });

    assertThatThrownBy(() -> backups.putBackup("nightly", files))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.ALREADY_EXISTS))
        .hasMessageContaining("already exists");

    try (InputStream in = store.getObject(bucket, metadataKey)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("{\"winner\":\"other\"}");
    }
  }

  @Test
  void withoutConditionalWritesCreateOnlyIsCheckedAndNotAnnouncedAsAtomic() throws Exception {
    try (S3ObjectBackupStore plain =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("conditionalWrites", "false")))) {
      assertThat(plain.capabilities()).containsExactly(Capability.SIGNED_URLS);
      assertThat(plain.putObjectIfAbsent(bucket, "checked", stream("first"))).isTrue();
      assertThat(plain.putObjectIfAbsent(bucket, "checked", stream("second"))).isFalse();
      try (InputStream in = plain.getObject(bucket, "checked")) {
        assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("first");
      }
    }
  }

  @Test
  void listingsFollowContinuationTokensAcrossPages() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < 45; i++) {
        String key = String.format("many/%03d/x", i);
        puts.add(
            pool.submit(
                () ->
                    S3.admin()
                        .putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"))));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // S3 pages at 1000 keys; ask for pages of 20 so that 45 keys and prefixes take 3 pages.
    AtomicInteger pages = new AtomicInteger();
    ExecutionInterceptor smallPages =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            if (!request.rawQueryParameters().containsKey("list-type")) {
              return request;
            }
            pages.incrementAndGet();
            return request.toBuilder().putRawQueryParameter("max-keys", "20").build();
          }
        };
    try (S3ObjectBackupStore paged =
        S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket)))
            .overrideConfiguration(o -> o.addExecutionInterceptor(smallPages))
            .build()) {
      List<String> keys = paged.listObjects(bucket, "many/");
      assertThat(keys).hasSize(45).isSorted().doesNotHaveDuplicates();
      assertThat(keys.get(44)).isEqualTo("many/044/x");
      assertThat(pages.getAndSet(0)).isEqualTo(3);
      List<String> prefixes = paged.listCommonPrefixes(bucket, "many/", "/");
      assertThat(prefixes).hasSize(45).isSorted().doesNotHaveDuplicates();
      assertThat(prefixes.get(0)).isEqualTo("many/000/");
      assertThat(pages.get()).isEqualTo(3);
    }
  }

  private static InputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(UTF_8));
  }

  private static Map<BackupFile, ContentSource> backupFiles(String name, String tarball) {
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    byte[] metadata = VeleroJson.mapper().writeValueAsBytes(backup);
    Map<BackupFile, ContentSource> files = new EnumMap<>(BackupFile.class);
    files.put(BackupFile.METADATA, () -> new ByteArrayInputStream(metadata));
    files.put(BackupFile.CONTENTS, () -> stream(tarball));
    return files;
  }
}
