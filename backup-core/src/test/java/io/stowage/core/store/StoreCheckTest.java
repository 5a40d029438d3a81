package io.stowage.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.core.store.StoreCheckReport.Status;
import io.stowage.core.store.StoreCheckReport.Step;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreCheckTest {
  private final InMemoryObjectBackupStore memory = new InMemoryObjectBackupStore();

  @Test
  void aHealthyStorePassesEveryStepAndKeepsNothing() {
    StoreCheckReport report = StoreCheck.run(memory, "bucket", "/team/");

    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.steps())
        .extracting(Step::name)
        .containsExactly(
            "layout", "write", "exists", "read", "list", "create-only", "signed-url", "delete");
    assertThat(report.step("signed-url").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(report.step("create-only").orElseThrow().detail()).contains("atomic");
    assertThat(report.prefix()).isEqualTo("team");
    assertThat(memory.listObjects("bucket", "")).isEmpty();
    assertThat(report.render()).startsWith("Store check of bucket bucket, prefix team: OK");
  }

  @Test
  void probesGoUnderMetadataSoVeleroKeepsTheLocationValid() {
    List<String> written = new java.util.ArrayList<>();
    ObjectBackupStore recording =
        new Delegating(memory) {
          @Override
          public void putObject(String bucket, String key, InputStream body) {
            written.add(key);
            super.putObject(bucket, key, body);
          }

          @Override
          public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
            written.add(key);
            return super.putObjectIfAbsent(bucket, key, body);
          }
        };

    StoreCheck.run(recording, "bucket", "p");

    assertThat(written).isNotEmpty().allMatch(key -> key.startsWith("p/metadata/stowage-probe-"));
  }

  @Test
  void aStoreThatIgnoresCreateOnlyWritesFailsThatStepWithAHint() {
    ObjectBackupStore overwriting =
        new Delegating(memory) {
          @Override
          public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
            super.putObject(bucket, key, body);
            return true;
          }
        };

    StoreCheckReport report = StoreCheck.run(overwriting, "bucket", "");

    assertThat(report.ok()).isFalse();
    Step step = report.step("create-only").orElseThrow();
    assertThat(step.status()).isEqualTo(Status.FAILED);
    assertThat(step.detail()).contains("second create-only write");
    assertThat(step.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("conditionalWrites=false"));
    assertThat(report.failures()).hasSize(1);
    assertThat(memory.listObjects("bucket", "")).as("probes are deleted anyway").isEmpty();
  }

  @Test
  void theStoresHintIsShownApartAndStepsThatNeedTheProbeAreSkipped() {
    ObjectBackupStore refusing =
        new Delegating(memory) {
          @Override
          public void putObject(String bucket, String key, InputStream body) {
            throw new BackupException(
                StandardErrorCode.STORE_FAILED,
                "PutObject failed for key k in bucket bucket: HTTP 403 SignatureDoesNotMatch."
                    + " Hint: The secret access key does not match: check credentialsFile.");
          }
        };

    StoreCheckReport report = StoreCheck.run(refusing, "bucket", "");

    Step write = report.step("write").orElseThrow();
    assertThat(write.status()).isEqualTo(Status.FAILED);
    assertThat(write.detail()).endsWith("HTTP 403 SignatureDoesNotMatch.");
    assertThat(write.hint())
        .contains("The secret access key does not match: check credentialsFile.");
    assertThat(report.step("read").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(report.render()).contains("hint: The secret access key does not match");
  }

  @Test
  void foreignTopLevelDirectoriesFailTheLayoutStep() {
    memory.putObject("bucket", "p/junk/file", new ByteArrayInputStream(new byte[1]));

    StoreCheckReport report = StoreCheck.run(memory, "bucket", "p");

    Step layout = report.step("layout").orElseThrow();
    assertThat(layout.status()).isEqualTo(Status.FAILED);
    assertThat(layout.detail()).contains("[junk]");
    assertThat(layout.hint()).hasValueSatisfying(h -> assertThat(h).contains("Unavailable"));
  }

  @Test
  void withoutAtomicCreateTheDetailSaysSo() {
    ObjectBackupStore checking =
        new Delegating(memory) {
          @Override
          public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
            if (objectExists(bucket, key)) {
              return false;
            }
            putObject(bucket, key, body);
            return true;
          }

          @Override
          public Set<Capability> capabilities() {
            return Set.of();
          }
        };

    StoreCheckReport report = StoreCheck.run(checking, "bucket", "");

    assertThat(report.ok()).isTrue();
    assertThat(report.step("create-only").orElseThrow().detail()).contains("not atomic");
  }

  /** Forwards everything to another store. */
  private static class Delegating implements ObjectBackupStore {
    private final ObjectBackupStore target;

    Delegating(ObjectBackupStore target) {
      this.target = target;
    }

    @Override
    public void putObject(String bucket, String key, InputStream body) {
      target.putObject(bucket, key, body);
    }

    @Override
    public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
      return target.putObjectIfAbsent(bucket, key, body);
    }

    @Override
    public boolean objectExists(String bucket, String key) {
      return target.objectExists(bucket, key);
    }

    @Override
    public InputStream getObject(String bucket, String key) {
      return target.getObject(bucket, key);
    }

    @Override
    public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
      return target.listCommonPrefixes(bucket, prefix, delimiter);
    }

    @Override
    public List<String> listObjects(String bucket, String prefix) {
      return target.listObjects(bucket, prefix);
    }

    @Override
    public void deleteObject(String bucket, String key) {
      target.deleteObject(bucket, key);
    }

    @Override
    public Set<Capability> capabilities() {
      return target.capabilities();
    }
  }
}
