package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.BackupProgress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressPatcherTest {
  @TempDir Path root;

  @Test
  void writesProgressAndRemembersTheNewVersionAndOnlyWarnsWhenItCannot() {
    try (ControllerHarness cluster = new ControllerHarness(root)) {
      GenericKubernetesResource created = cluster.createBackup("b", spec -> {});
      String version = created.getMetadata().getResourceVersion();
      ProgressPatcher progress = new ProgressPatcher(cluster.backups, "b", version);

      progress.onProgress(new BackupProgress(10, 3));

      assertThat(cluster.read("b").getStatus().getProgress().getTotalItems()).isEqualTo(10);
      assertThat(cluster.read("b").getStatus().getProgress().getItemsBackedUp()).isEqualTo(3);
      assertThat(progress.resourceVersion())
          .isNotEqualTo(version)
          .isEqualTo(cluster.backups.get("b").orElseThrow().getMetadata().getResourceVersion());

      cluster.backups.operations().withName("b").delete();
      ControllerHarness.awaitTrue(() -> cluster.backups.get("b").isEmpty(), "deletion");
      progress.onProgress(new BackupProgress(10, 4)); // a warning, not an exception
    }
  }
}
