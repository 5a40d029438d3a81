package io.stowage.api.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BackupPhaseTest {
  @Test
  void usesVelerosExactStrings() {
    assertThat(Arrays.stream(BackupPhase.values()).map(BackupPhase::value))
        .containsExactly(
            "New",
            "Queued",
            "ReadyToStart",
            "FailedValidation",
            "InProgress",
            "WaitingForPluginOperations",
            "WaitingForPluginOperationsPartiallyFailed",
            "Finalizing",
            "FinalizingPartiallyFailed",
            "Completed",
            "PartiallyFailed",
            "Failed",
            "Deleting");
  }

  @Test
  void jsonValueIsTheString() {
    for (BackupPhase phase : BackupPhase.values()) {
      String json = VeleroJson.mapper().writeValueAsString(phase);
      assertThat(json).isEqualTo("\"" + phase.value() + "\"");
      assertThat(VeleroJson.mapper().readValue(json, BackupPhase.class)).isEqualTo(phase);
      assertThat(BackupPhase.fromValue(phase.value())).isEqualTo(phase);
      assertThat(phase).hasToString(phase.value());
    }
  }

  @Test
  void terminalPhases() {
    assertThat(EnumSet.allOf(BackupPhase.class).stream().filter(BackupPhase::isTerminal))
        .containsExactlyInAnyOrder(
            BackupPhase.COMPLETED,
            BackupPhase.PARTIALLY_FAILED,
            BackupPhase.FAILED,
            BackupPhase.FAILED_VALIDATION);
  }

  @Test
  void emptyIsNullAndUnknownIsRejected() {
    assertThat(BackupPhase.fromValue("")).isNull();
    assertThat(BackupPhase.fromValue(null)).isNull();
    assertThatThrownBy(() -> BackupPhase.fromValue("completed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown backup phase \"completed\"");
  }

  @Test
  void otherEnumsUseVelerosStrings() {
    assertThat(HookErrorMode.fromValue("Continue")).isEqualTo(HookErrorMode.CONTINUE);
    assertThat(HookErrorMode.FAIL.value()).isEqualTo("Fail");
    assertThat(BackupStorageLocationAccessMode.READ_ONLY.value()).isEqualTo("ReadOnly");
    assertThat(BackupStorageLocationAccessMode.READ_WRITE.value()).isEqualTo("ReadWrite");
    assertThat(BackupStorageLocationPhase.AVAILABLE.value()).isEqualTo("Available");
    assertThat(VolumeSnapshotLocationPhase.UNAVAILABLE.value()).isEqualTo("Unavailable");
    assertThat(NativeVolumeSnapshot.Phase.fromValue("Completed"))
        .isEqualTo(NativeVolumeSnapshot.Phase.COMPLETED);
  }
}
