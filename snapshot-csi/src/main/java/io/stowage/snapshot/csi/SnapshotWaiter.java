package io.stowage.snapshot.csi;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ClusterAccess;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Waits, as Velero's {@code WaitUntilVSCHandleIsReady}, until a VolumeSnapshot has {@code
 * status.boundVolumeSnapshotContentName} and that content has {@code status.snapshotHandle}. It
 * does not wait for {@code readyToUse}.
 *
 * <p>Velero polls every 5 s. Here the first pause is {@value #FIRST_PAUSE_MILLIS} ms and each next
 * one doubles, up to a cap: 5 s, or a twentieth of a shorter timeout (at least 50 ms). A driver
 * that binds within a second is seen within a second, not after Velero's fixed 5 s, and the last
 * check falls on the deadline, so a wait ends within one pause of its timeout.
 */
final class SnapshotWaiter {
  static final Duration MAX_INTERVAL = Duration.ofSeconds(5);
  static final Duration MIN_INTERVAL = Duration.ofMillis(50);
  static final long FIRST_PAUSE_MILLIS = 200;

  private final ClusterAccess cluster;
  private final BackupLog log;

  SnapshotWaiter(ClusterAccess cluster, BackupLog log) {
    this.cluster = cluster;
    this.log = log;
  }

  /** The outcome of a wait: the bound content, or what was still missing at the deadline. */
  sealed interface Outcome {}

  /** The snapshot is bound and its content has a handle. */
  record Bound(ObjectNode content) implements Outcome {}

  /** The deadline passed; {@code missing} says what was not there yet. */
  record TimedOut(String missing) implements Outcome {}

  /** The longest pause between two checks for a given timeout. */
  static Duration interval(Duration timeout) {
    Duration twentieth = timeout.dividedBy(20);
    if (twentieth.compareTo(MIN_INTERVAL) < 0) {
      return MIN_INTERVAL;
    }
    return twentieth.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : twentieth;
  }

  /**
   * Checks at once, then after each pause, until bound or {@code timeout} has passed.
   *
   * @param pvc the PVC the snapshot is of, for log entries
   * @throws InterruptedException when interrupted while pausing
   */
  Outcome await(ResourceIdentifier snapshot, ResourceIdentifier pvc, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long cap = interval(timeout).toMillis();
    long pause = Math.min(FIRST_PAUSE_MILLIS, cap);
    String lastReported = null;
    String reportedError = null;
    while (true) {
      String missing;
      Optional<ObjectNode> vs = cluster.get(snapshot);
      String contentName =
          vs.map(v -> Json.text(v, "status", "boundVolumeSnapshotContentName")).orElse("");
      if (vs.isEmpty()) {
        missing = "VolumeSnapshot " + describe(snapshot) + " does not exist (any more)";
      } else if (contentName.isEmpty()) {
        missing =
            "VolumeSnapshot "
                + describe(snapshot)
                + " has no status.boundVolumeSnapshotContentName yet (no VolumeSnapshotContent"
                + " was bound to it)";
      } else {
        Optional<ObjectNode> content =
            cluster.get(
                ResourceIdentifier.clusterScoped(CsiNames.VOLUME_SNAPSHOT_CONTENTS, contentName));
        if (content.isEmpty()) {
          missing = "its VolumeSnapshotContent " + contentName + " does not exist yet";
        } else if (Json.text(content.get(), "status", "snapshotHandle").isEmpty()) {
          missing =
              "its VolumeSnapshotContent " + contentName + " has no status.snapshotHandle yet";
          String error = Json.text(content.get(), "status", "error", "message");
          if (!error.isEmpty()) {
            missing += " (its status.error says: " + error + ")";
            if (!error.equals(reportedError)) {
              log.warn(pvc, "VolumeSnapshotContent " + contentName + " has error: " + error);
              reportedError = error;
            }
          }
        } else {
          return new Bound(content.get());
        }
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return new TimedOut(missing);
      }
      if (!Objects.equals(missing, lastReported)) {
        log.info(pvc, "Waiting for the CSI driver: " + missing);
        lastReported = missing;
      }
      Thread.sleep(Math.max(1, Math.min(pause, remaining / 1_000_000 + 1)));
      pause = Math.min(pause * 2, cap);
    }
  }

  private static String describe(ResourceIdentifier id) {
    return id.namespace() + "/" + id.name();
  }
}
