package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's closing text for the cases the end-to-end test does not reach; no cluster. */
class DemoSummaryTest {
  private static final String STOWAGE = "java -jar stowage.jar";

  @Test
  void remoteStoreGetsQuotedStoreArgumentsAndNoTarCommand() {
    Backup backup = backup(BackupPhase.PARTIALLY_FAILED);
    backup.getStatus().setWarnings(1);
    backup.getStatus().setErrors(2);
    StoreUri store = StoreUri.parse("s3://bucket/demo?region=eu-west-1&s3ForcePathStyle=true");

    List<String> lines = print(backup, store, new DemoSummary.Stored(true, 2048));

    assertThat(lines)
        .contains(
            "Phase: PartiallyFailed",
            "  Items backed up:  53 (1 warnings, 2 errors)",
            "  Tarball size:     2.0 KiB (2048 bytes)",
            "  Store:            s3://bucket/demo?region=eu-west-1&s3ForcePathStyle=true",
            "  java -jar stowage.jar backup logs demo-1 --store"
                + " 's3://bucket/demo?region=eu-west-1&s3ForcePathStyle=true'");
    assertThat(lines).noneMatch(l -> l.contains("tar tzf"));
  }

  @Test
  void backupNeverWrittenSuggestsNothingToRead() {
    Backup backup = backup(BackupPhase.FAILED_VALIDATION);
    backup.getStatus().setValidationErrors(List.of("the store is read-only"));

    List<String> lines =
        print(backup, StoreUri.parse("file:///tmp/demo"), DemoSummary.Stored.NOTHING);

    assertThat(lines)
        .contains(
            "Phase: FailedValidation",
            "  Validation error: the store is read-only",
            "  Tarball size:     none written",
            "  Store:            file:///tmp/demo (nothing written)")
        .noneMatch(l -> l.startsWith("  Tarball: ") || l.startsWith("  " + STOWAGE));
  }

  @Test
  void shellWordsAreQuotedOnlyWhenNeeded() {
    assertThat(DemoSummary.shell("file:///tmp/a-b_c.d")).isEqualTo("file:///tmp/a-b_c.d");
    assertThat(DemoSummary.shell("/tmp/my demo")).isEqualTo("'/tmp/my demo'");
    assertThat(DemoSummary.shell("it's")).isEqualTo("'it'\\''s'");
  }

  private static Backup backup(BackupPhase phase) {
    Backup backup = DemoCommand.demoBackup(Instant.parse("2026-01-02T03:04:05Z"));
    backup.getMetadata().setName("demo-1");
    backup.getStatus().setPhase(phase);
    backup.getStatus().setProgress(new BackupProgress(53, 53));
    return backup;
  }

  private static List<String> print(Backup backup, StoreUri store, DemoSummary.Stored stored) {
    StringWriter text = new StringWriter();
    new DemoSummary(backup, store, stored, Duration.ofMillis(1200), Duration.ofMillis(800), STOWAGE)
        .print(new PrintWriter(text, true));
    return text.toString().lines().toList();
  }
}
