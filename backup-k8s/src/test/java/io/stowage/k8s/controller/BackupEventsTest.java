package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupEventsTest {
  private final List<BackupKey> queued = new ArrayList<>();
  private final BackupEvents events = new BackupEvents(queued::add);

  @Test
  void backupsInPhaseEmptyOrNewAreQueued() {
    events.onAdd(backup("fresh", null));
    events.onAdd(backup("empty", ""));
    events.onUpdate(backup("new", "New"), backup("new", "New"));

    assertThat(queued)
        .containsExactly(
            new BackupKey("velero", "fresh"),
            new BackupKey("velero", "empty"),
            new BackupKey("velero", "new"));
  }

  @Test
  void anEventForABackupInAnyOtherPhaseQueuesNothing() {
    for (String phase :
        List.of(
            "Completed",
            "PartiallyFailed",
            "Failed",
            "FailedValidation",
            "InProgress",
            "Queued",
            "ReadyToStart",
            "Deleting",
            "SomethingNewer")) {
      events.onAdd(backup("b", phase));
      events.onUpdate(backup("b", "New"), backup("b", phase));
    }
    events.onDelete(backup("gone", "New"), false);

    assertThat(queued).isEmpty();
  }

  private static GenericKubernetesResource backup(String name, String phase) {
    GenericKubernetesResource backup = new GenericKubernetesResource();
    backup.setApiVersion("velero.io/v1");
    backup.setKind("Backup");
    backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero").build());
    if (phase != null) {
      backup.setAdditionalProperty("status", Map.of("phase", phase));
    }
    return backup;
  }
}
