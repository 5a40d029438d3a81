package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.core.store.StoreCheck;
import io.stowage.core.store.StoreCheckReport;
import io.stowage.core.store.StoreCheckReport.Status;
import io.stowage.core.store.StoreCheckReport.Step;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store self-test of {@code backup-core} against S3Proxy: all steps pass on a sound location;
 * misconfigured ones fail the step that shows it, with the S3 store's hint.
 */
class S3StoreCheckTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("store-check");
  }

  @Test
  void everyStepPassesAgainstARealS3Server() {
    try (S3ObjectBackupStore store = S3ObjectBackupStore.create(S3.config(bucket))) {
      StoreCheckReport report =
          StoreCheck.run(
              store,
              bucket,
              "velero",
              new StoreCheck.Options(20 * 1024 * 1024, true, java.time.Duration.ofSeconds(30)));

      assertThat(report.ok()).as(report.render()).isTrue();
      assertThat(report.steps()).allMatch(step -> step.status() == Status.OK);
      assertThat(report.step("create-only").orElseThrow().detail()).contains("(atomic)");
      assertThat(store.listObjects(bucket, "")).as("the probes are gone").isEmpty();
    }
  }

  @Test
  void aWrongSecretFailsWithACredentialsHint() {
    Path wrong = EmbeddedS3.writeCredentials(EmbeddedS3.ACCESS_KEY, "wrong-secret");
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(
            S3.config(bucket, Map.of("credentialsFile", wrong.toString())))) {
      StoreCheckReport report = StoreCheck.run(store, bucket, "");

      assertThat(report.ok()).isFalse();
      Step write = report.step("write").orElseThrow();
      assertThat(write.status()).isEqualTo(Status.FAILED);
      assertThat(write.detail()).contains("SignatureDoesNotMatch").contains("bucket " + bucket);
      assertThat(write.hint())
          .hasValueSatisfying(
              hint -> assertThat(hint).contains("secret access key").contains(wrong.toString()));
      assertThat(report.render()).doesNotContain("wrong-secret");
    }
  }

  @Test
  void aStoreWithoutConditionalWritesFailsCreateOnlyWithTheKeyToSet() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket)))
            .overrideConfiguration(
                o -> o.addExecutionInterceptor(new Interceptors.NoConditionalWrites()))
            .build()) {
      StoreCheckReport report = StoreCheck.run(store, bucket, "");

      Step createOnly = report.step("create-only").orElseThrow();
      assertThat(createOnly.status()).isEqualTo(Status.FAILED);
      assertThat(createOnly.hint())
          .hasValueSatisfying(hint -> assertThat(hint).contains("conditionalWrites=false"));
      assertThat(report.failures()).hasSize(1);
    }
  }

  @Test
  void aStoreThatSilentlyIgnoresConditionalWritesIsCaughtToo() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket)))
            .overrideConfiguration(
                o -> o.addExecutionInterceptor(new Interceptors.IgnoreConditionalWrites()))
            .build()) {
      StoreCheckReport report = StoreCheck.run(store, bucket, "");

      Step createOnly = report.step("create-only").orElseThrow();
      assertThat(createOnly.status()).isEqualTo(Status.FAILED);
      assertThat(createOnly.detail()).contains("second create-only write");
      assertThat(createOnly.hint())
          .hasValueSatisfying(hint -> assertThat(hint).contains("conditionalWrites=false"));
    }
  }

  @Test
  void checksumsTheServerRefusesPointToTheCompatibilityMode() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.builder(S3StoreConfig.parse(S3.config(bucket)))
            .overrideConfiguration(
                o -> o.addExecutionInterceptor(new Interceptors.CorruptOneByte(Integer.MAX_VALUE)))
            .build()) {
      StoreCheckReport report =
          StoreCheck.run(
              store,
              bucket,
              "",
              new StoreCheck.Options(1024, false, java.time.Duration.ofSeconds(5)));

      Step write = report.step("write").orElseThrow();
      assertThat(write.status()).isEqualTo(Status.FAILED);
      assertThat(write.detail()).contains("BadDigest");
      assertThat(write.hint())
          .hasValueSatisfying(hint -> assertThat(hint).contains("compatibilityMode=legacy"));
    }
  }
}
