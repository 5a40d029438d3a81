package io.stowage.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.GoDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodVolumeTimeoutTest {
  private static final GoDuration SERVER = GoDuration.ofMinutes(240);

  private final List<String> lines = new ArrayList<>();
  private final BackupLog log =
      (BackupLog.Level level, ResourceIdentifier item, String message, Throwable error) ->
          lines.add(level + " " + message);

  @Test
  void withoutTheAnnotationTheServerValueApplies() {
    assertThat(PodVolumeTimeout.resolve(backup(Map.of()), SERVER, log)).isEqualTo(SERVER);
    assertThat(lines).containsExactly("INFO Pod volume timeout: 4h0m0s");
  }

  @Test
  void anEmptyAnnotationCountsAsAbsent() {
    Backup backup = backup(Map.of(PodVolumeTimeout.ANNOTATION, ""));

    assertThat(PodVolumeTimeout.resolve(backup, SERVER, log)).isEqualTo(SERVER);
    assertThat(lines).noneMatch(line -> line.startsWith("WARN"));
  }

  @Test
  void theAnnotationIsAGoDuration() {
    Backup backup = backup(Map.of(PodVolumeTimeout.ANNOTATION, "1h30m"));

    assertThat(PodVolumeTimeout.resolve(backup, SERVER, log)).isEqualTo(GoDuration.ofMinutes(90));
    assertThat(lines).containsExactly("INFO Pod volume timeout: 1h30m0s");
  }

  @Test
  void aBadValueIsAWarningNamingAnnotationValueAndDefault() {
    Backup backup = backup(Map.of(PodVolumeTimeout.ANNOTATION, "90 minutes"));

    assertThat(PodVolumeTimeout.resolve(backup, SERVER, log)).isEqualTo(SERVER);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "WARN Unable to parse pod volume timeout annotation velero.io/pod-volume-timeout"
                + " value \"90 minutes\"")
        .endsWith("using server value 4h0m0s");
    assertThat(lines.get(1)).isEqualTo("INFO Pod volume timeout: 4h0m0s");
  }

  private static Backup backup(Map<String, String> annotations) {
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setAnnotations(annotations);
    return backup;
  }
}
