package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.Backup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTagsTest {
  @Test
  void backupLabelsPlusBackupAndPvNames() {
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setLabels(Map.of("team", "shop", "velero.io/schedule-name", "daily"));

    assertThat(SnapshotTags.of(backup, "pv-data"))
        .containsExactly(
            Map.entry("team", "shop"),
            Map.entry("velero.io/backup", "nightly"),
            Map.entry("velero.io/pv", "pv-data"),
            Map.entry("velero.io/schedule-name", "daily"));
  }

  @Test
  void theEngineTagsOverrideLabelsOfTheSameKey() {
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setLabels(Map.of("velero.io/backup", "spoofed", "velero.io/pv", "x"));

    assertThat(SnapshotTags.of(backup, "pv-data"))
        .containsOnly(
            Map.entry("velero.io/backup", "nightly"), Map.entry("velero.io/pv", "pv-data"));
  }
}
