package io.stowage.testkit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@link VolumeSnapshotterContract} against snapshotters with one flaw each and checks that
 * the contract fails exactly the checks that flaw breaks.
 */
class VolumeSnapshotterContractSelfTest {
  private static final String RUN_FLAWED = "stowage.contract.self-test";

  enum Flaw {
    FOREIGN_VOLUME_THROWS(
        "volumeIdOfAForeignVolumeIsEmpty",
        "volumeIdOfAVolumeWithoutSourceIsEmpty",
        "volumeIdDoesNotChangeTheVolume"),
    VOLUME_ID_MARKS_THE_PV(
        "volumeIdDoesNotChangeTheVolume",
        "withVolumeIdPointsTheResultAtTheNewIdAndLeavesTheArgument"),
    WITH_VOLUME_ID_IN_PLACE("withVolumeIdPointsTheResultAtTheNewIdAndLeavesTheArgument"),
    SNAPSHOT_ID_PER_VOLUME(
        "createSnapshotAcceptsVeleroTagsAndGivesANewIdEachTime",
        "concurrentCreateSnapshotsGiveDistinctIds"),
    UNSAFE_ID_COUNTER("concurrentCreateSnapshotsGiveDistinctIds"),
    DELETE_UNKNOWN_THROWS(
        "deleteSnapshotOfAnUnknownIdDoesNotThrow",
        "deleteSnapshotIsIdempotentAndTouchesNoOtherSnapshot"),
    NO_VOLUME_TYPE("volumeInfoHasAType"),
    UNKNOWN_KEY_UNNAMED("initRefusesAnUnknownKeyNamingIt");

    final Set<String> breaks;

    Flaw(String... breaks) {
      this.breaks = Set.of(breaks);
    }
  }

  @ParameterizedTest
  @EnumSource(Flaw.class)
  void theContractFailsExactlyTheChecksAFlawBreaks(Flaw flaw) {
    Class<?> contract =
        switch (flaw) {
          case FOREIGN_VOLUME_THROWS -> ForeignVolumeThrows.class;
          case VOLUME_ID_MARKS_THE_PV -> VolumeIdMarksThePv.class;
          case WITH_VOLUME_ID_IN_PLACE -> WithVolumeIdInPlace.class;
          case SNAPSHOT_ID_PER_VOLUME -> SnapshotIdPerVolume.class;
          case UNSAFE_ID_COUNTER -> UnsafeIdCounter.class;
          case DELETE_UNKNOWN_THROWS -> DeleteUnknownThrows.class;
          case NO_VOLUME_TYPE -> NoVolumeType.class;
          case UNKNOWN_KEY_UNNAMED -> UnknownKeyUnnamed.class;
        };

    assertThat(failedChecks(contract)).isEqualTo(new TreeSet<>(flaw.breaks));
  }

  private static Set<String> failedChecks(Class<?> contract) {
    Set<String> failed = new TreeSet<>();
    Set<String> passed = new TreeSet<>();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(contract))
                .configurationParameter(RUN_FLAWED, "true")
                .build(),
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getSource().orElse(null) instanceof MethodSource method) {
                  (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed)
                      .add(method.getMethodName());
                }
              }
            });
    assertThat(passed).as("checks that ran and passed").isNotEmpty();
    return failed;
  }

  /** The recording snapshotter with one flaw. */
  private static final class Flawed implements VolumeSnapshotter {
    private final RecordingVolumeSnapshotter delegate = new RecordingVolumeSnapshotter();
    private final Flaw flaw;
    private int unsafeCounter;

    Flawed(Flaw flaw) {
      this.flaw = flaw;
    }

    @Override
    public void init(Map<String, String> config) {
      try {
        delegate.init(config);
      } catch (BackupException e) {
        if (flaw == Flaw.UNKNOWN_KEY_UNNAMED) {
          throw new BackupException(StandardErrorCode.INVALID_ARGUMENT, "bad config");
        }
        throw e;
      }
    }

    @Override
    public Optional<String> volumeId(BackupItem persistentVolume) {
      Optional<String> id = delegate.volumeId(persistentVolume);
      if (flaw == Flaw.FOREIGN_VOLUME_THROWS && id.isEmpty()) {
        throw new IllegalArgumentException("not my volume");
      }
      if (flaw == Flaw.VOLUME_ID_MARKS_THE_PV) {
        ((ObjectNode) persistentVolume.body().get("metadata")).put("seen", true);
      }
      return id;
    }

    @Override
    public BackupItem withVolumeId(BackupItem persistentVolume, String volumeId) {
      BackupItem result = delegate.withVolumeId(persistentVolume, volumeId);
      if (flaw == Flaw.WITH_VOLUME_ID_IN_PLACE) {
        persistentVolume.body().set("spec", result.body().get("spec"));
        return persistentVolume;
      }
      return result;
    }

    @Override
    public VolumeInfo volumeInfo(String volumeId, String availabilityZone) {
      return flaw == Flaw.NO_VOLUME_TYPE ? null : delegate.volumeInfo(volumeId, availabilityZone);
    }

    @Override
    public String createSnapshot(String volumeId, String zone, Map<String, String> tags) {
      if (flaw == Flaw.SNAPSHOT_ID_PER_VOLUME) {
        return "snap-" + volumeId;
      }
      if (flaw == Flaw.UNSAFE_ID_COUNTER) {
        int next = unsafeCounter + 1;
        pause();
        unsafeCounter = next;
        return "snap-" + next;
      }
      return delegate.createSnapshot(volumeId, zone, tags);
    }

    @Override
    public void deleteSnapshot(String snapshotId) {
      if (flaw == Flaw.DELETE_UNKNOWN_THROWS && delegate.ledger().snapshot(snapshotId).isEmpty()) {
        throw new IllegalStateException("no snapshot " + snapshotId);
      }
      delegate.deleteSnapshot(snapshotId);
    }

    private static void pause() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Keeps the flawed contracts from running (and failing) when a build selects them directly, such
   * as {@code -Dtest=VolumeSnapshotter*}; only this test's own launcher enables them.
   */
  static final class OnlyFromTheSelfTest implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_FLAWED).isPresent()
          ? ConditionEvaluationResult.enabled("run by " + VolumeSnapshotterContractSelfTest.class)
          : ConditionEvaluationResult.disabled("flawed on purpose; run by the self-test only");
    }
  }

  @ExtendWith(OnlyFromTheSelfTest.class)
  private abstract static class FlawedContract extends VolumeSnapshotterContract {
    abstract Flaw flaw();

    @Override
    protected VolumeSnapshotter newSnapshotter(Map<String, String> config) {
      return new Flawed(flaw());
    }

    @Override
    protected Map<String, String> config() {
      return Map.of(RecordingVolumeSnapshotter.LEDGER, "contract-self-test-" + flaw());
    }

    @Override
    protected BackupItem handledVolume() {
      return persistentVolume("pv-local", "{\"hostPath\":{\"path\":\"/data/a\"}}");
    }

    @Override
    protected BackupItem foreignVolume() {
      return persistentVolume("pv-nfs", "{\"nfs\":{\"server\":\"nas\",\"path\":\"/x\"}}");
    }

    @Override
    protected boolean refusesUnknownConfigKeys() {
      return true;
    }
  }

  static final class ForeignVolumeThrows extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.FOREIGN_VOLUME_THROWS;
    }
  }

  static final class VolumeIdMarksThePv extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.VOLUME_ID_MARKS_THE_PV;
    }
  }

  static final class WithVolumeIdInPlace extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.WITH_VOLUME_ID_IN_PLACE;
    }
  }

  static final class SnapshotIdPerVolume extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.SNAPSHOT_ID_PER_VOLUME;
    }
  }

  static final class UnsafeIdCounter extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.UNSAFE_ID_COUNTER;
    }
  }

  static final class DeleteUnknownThrows extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.DELETE_UNKNOWN_THROWS;
    }
  }

  static final class NoVolumeType extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.NO_VOLUME_TYPE;
    }
  }

  static final class UnknownKeyUnnamed extends FlawedContract {
    @Override
    Flaw flaw() {
      return Flaw.UNKNOWN_KEY_UNNAMED;
    }
  }
}
