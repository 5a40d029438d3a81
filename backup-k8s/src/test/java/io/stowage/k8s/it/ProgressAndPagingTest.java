package io.stowage.k8s.it;

import static io.stowage.k8s.it.LabelSelectorTest.matchLabels;
import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.stowage.api.BackupProgress;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.k8s.it.BackupFixture.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress reports (§6.13) and paginated lists (§5.13). */
class ProgressAndPagingTest extends ClusterTestBase {
  private static final int CONFIG_MAPS = 50;

  @BeforeEach
  void seed() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(namespace("a"));
    for (int i = 0; i < CONFIG_MAPS; i++) {
      String name = String.format("cm-%02d", i);
      objects.add(
          i % 2 == 0 ? labelled(configMap("a", name), "half", "even") : configMap("a", name));
    }
    fixture.seed(objects);
  }

  @Test
  void progressIsReportedAtMostOncePerSecondPlusAFinalReport() {
    StepClock clock = new StepClock(Duration.ofMillis(300));
    List<Instant> times = Collections.synchronizedList(new ArrayList<>());

    Run run =
        fixture
            .runner()
            .options(new BackupperOptions(500, Duration.ofSeconds(1), clock))
            .listener(progress -> times.add(clock.peek()))
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    int backedUp = CONFIG_MAPS + 1;
    List<BackupProgress> reports = run.progressReports();
    assertThat(reports).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(backedUp);
    for (int i = 1; i < times.size() - 1; i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .as("gap before report %d", i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i).itemsBackedUp())
          .isGreaterThanOrEqualTo(reports.get(i - 1).itemsBackedUp());
    }
    assertThat(reports.get(reports.size() - 1)).isEqualTo(new BackupProgress(backedUp, backedUp));
    assertThat(run.status().getProgress().getTotalItems()).isEqualTo(backedUp);
    assertThat(run.status().getProgress().getItemsBackedUp()).isEqualTo(backedUp);
    assertThat(
            VeleroJson.readBackup(run.metadataText()).getStatus().getProgress().getItemsBackedUp())
        .isEqualTo(backedUp);
  }

  @Test
  void theFinalReportEqualsItemsBackedUpWithTheRealClock() {
    Run run = fixture.runner().run();

    List<BackupProgress> reports = run.progressReports();
    assertThat(reports).isNotEmpty();
    int backedUp = run.outcome().result().itemsBackedUp();
    assertThat(backedUp).isEqualTo(CONFIG_MAPS + 1);
    assertThat(reports.get(reports.size() - 1)).isEqualTo(new BackupProgress(backedUp, backedUp));
  }

  @Test
  void aPageSizeBelowTheItemCountGivesEveryItemExactlyOnce() {
    RecordingCluster recorder = new RecordingCluster();

    Run run =
        fixture
            .runner()
            .options(BackupperOptions.DEFAULTS.withPageSize(7))
            .cluster(recorder::wrap)
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    List<String> configMaps = run.items("configmaps");
    assertThat(configMaps).hasSize(CONFIG_MAPS);
    assertThat(new HashSet<>(configMaps)).hasSize(CONFIG_MAPS);
    assertThat(new HashSet<>(run.entryNames())).hasSameSizeAs(run.entryNames());
    // 50 items in pages of 7: 8 requests, 7 of them continuing
    List<String> calls = recorder.callsFor("configmaps");
    assertThat(calls).hasSize(8).allMatch(c -> c.startsWith("limit=7 "));
    assertThat(calls.stream().filter(c -> c.contains("continue=yes"))).hasSize(7);
  }

  @Test
  void pagingWithALabelSelector() {
    RecordingCluster recorder = new RecordingCluster();

    Run run =
        fixture
            .runner()
            .spec(spec -> spec.setLabelSelector(matchLabels("half", "even")))
            .options(BackupperOptions.DEFAULTS.withPageSize(7))
            .cluster(recorder::wrap)
            .run();

    List<String> configMaps = run.items("configmaps");
    assertThat(configMaps).hasSize(CONFIG_MAPS / 2).doesNotHaveDuplicates();
    assertThat(configMaps)
        .allMatch(p -> Integer.parseInt(p.replaceAll(".*cm-(\\d+)\\.json", "$1")) % 2 == 0);
    assertThat(recorder.callsFor("configmaps")).hasSize(4);
  }

  @Test
  void pageSizeZeroListsEachTypeInOneRequest() {
    RecordingCluster recorder = new RecordingCluster();

    Run run =
        fixture
            .runner()
            .options(BackupperOptions.DEFAULTS.withPageSize(0))
            .cluster(recorder::wrap)
            .run();

    assertThat(run.items("configmaps")).hasSize(CONFIG_MAPS);
    assertThat(recorder.callsFor("configmaps")).containsExactly("limit=0 continue=no selector=");
  }

  /** A clock that moves forward by a fixed step each time the engine reads it. */
  private static final class StepClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    private final long step;

    StepClock(Duration step) {
      this.step = step.toMillis();
    }

    Instant peek() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.addAndGet(step));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
