package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Damaged uploads are caught. The damage is real: {@link Interceptors.CorruptOneByte} flips one bit
 * of the body after Stowage computed the part's digests and before the SDK signs and sends it, so
 * the server receives, validly signed, other bytes than Stowage read.
 *
 * <ul>
 *   <li>With a checksum header (the default CRC32) or Content-MD5 (legacy mode), the server refuses
 *       the part (400 BadDigest).
 *   <li>With every checksum turned off ({@code checksumAlgorithm=""}, the velero#9951 setup), the
 *       server accepts the damaged bytes; Stowage notices because the returned ETag is not the MD5
 *       of what it read, and removes what the server stored.
 *   <li>With the ETag check also off, the damage goes through unnoticed: the control experiment
 *       showing it is the ETag check that catches it.
 * </ul>
 */
class S3IntegrityTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();
  private static final int MIB = 1024 * 1024;

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("integrity");
  }

  @BeforeEach
  void empty() {
    S3.empty(bucket);
  }

  @AfterEach
  void nothingIsLeftBehind() {
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void aDamagedPartIsRefusedByTheServerThroughTheChecksumHeader() {
    Interceptors.CorruptOneByte damage = new Interceptors.CorruptOneByte(Integer.MAX_VALUE);
    try (S3ObjectBackupStore store = store(damage, Map.of())) {
      assertThatThrownBy(
              () -> store.putObject(bucket, "damaged.bin", new TestStreams.Generated(12 * MIB, 1)))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CHECKSUM_REJECTED);
                assertThat(e.hint())
                    .hasValueSatisfying(h -> assertThat(h).contains("compatibilityMode=legacy"));
              })
          .hasMessageContaining("BadDigest")
          .hasMessageContaining("damaged.bin")
          .hasMessageContaining(bucket);
      assertThat(damage.damaged()).as("tried 1 + multipartPartRetries(2) times").isEqualTo(3);
      assertThat(store.objectExists(bucket, "damaged.bin")).isFalse();
    }
  }

  @Test
  void aDamagedSmallObjectIsRefusedThroughContentMd5InLegacyMode() {
    Interceptors.CorruptOneByte damage = new Interceptors.CorruptOneByte(Integer.MAX_VALUE);
    try (S3ObjectBackupStore store = store(damage, Map.of("compatibilityMode", "legacy"))) {
      assertThatThrownBy(
              () -> store.putObject(bucket, "small.bin", new TestStreams.Generated(1000, 2)))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.CHECKSUM_REJECTED));
      assertThat(store.objectExists(bucket, "small.bin")).isFalse();
    }
  }

  @Test
  void withChecksumsOffTheEtagCheckCatchesWhatTheServerAcceptedAndRemovesIt() {
    Interceptors.CorruptOneByte damage = new Interceptors.CorruptOneByte(Integer.MAX_VALUE);
    try (S3ObjectBackupStore store = store(damage, Map.of("checksumAlgorithm", ""))) {
      assertThatThrownBy(
              () -> store.putObject(bucket, "single.bin", new TestStreams.Generated(3 * MIB, 3)))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INTEGRITY_MISMATCH);
                assertThat(e.problem()).contains("is not the MD5");
              })
          .hasMessageContaining("single.bin");
      assertThat(store.objectExists(bucket, "single.bin"))
          .as("the damaged object the server accepted was deleted again")
          .isFalse();

      assertThatThrownBy(
              () -> store.putObject(bucket, "multi.bin", new TestStreams.Generated(12 * MIB, 4)))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INTEGRITY_MISMATCH))
          .hasMessageContaining("part 1 of key multi.bin");
      assertThat(store.objectExists(bucket, "multi.bin")).isFalse();
    }
  }

  @Test
  void controlExperimentWithoutTheEtagCheckTheDamageIsStored() throws Exception {
    Interceptors.CorruptOneByte damage = new Interceptors.CorruptOneByte(Integer.MAX_VALUE);
    try (S3ObjectBackupStore store =
        store(damage, Map.of("checksumAlgorithm", "", "verifyETag", "false"))) {
      TestStreams.Generated body = new TestStreams.Generated(3 * MIB, 5);
      store.putObject(bucket, "undetected.bin", body);

      try (InputStream in = store.getObject(bucket, "undetected.bin")) {
        assertThat(TestStreams.sha256AndSize(in)[0]).isNotEqualTo(body.digest());
      }
    }
  }

  @Test
  void aPartDamagedOnceIsRetriedAndTheObjectArrivesIntact() throws Exception {
    Interceptors.CorruptOneByte damage = new Interceptors.CorruptOneByte(1);
    try (S3ObjectBackupStore store = store(damage, Map.of())) {
      TestStreams.Generated body = new TestStreams.Generated(12 * MIB, 6);
      store.putObject(bucket, "retried.bin", body);

      assertThat(damage.damaged()).isEqualTo(1);
      try (InputStream in = store.getObject(bucket, "retried.bin")) {
        assertThat(TestStreams.sha256AndSize(in)[0]).isEqualTo(body.digest());
      }
    }
  }

  private static S3ObjectBackupStore store(
      Interceptors.CorruptOneByte damage, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("multipartPartSize", "5Mi");
    return S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket, settings)))
        .overrideConfiguration(o -> o.addExecutionInterceptor(damage))
        .build();
  }
}
