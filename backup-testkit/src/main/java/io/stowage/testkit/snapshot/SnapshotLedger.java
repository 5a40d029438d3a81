package io.stowage.testkit.snapshot;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link RecordingVolumeSnapshotter}s keep their snapshots: the "cloud" of the testkit.
 * Ledgers live in a static, thread-safe registry keyed by name, the {@code ledger} setting of the
 * VolumeSnapshotLocation, so a test that runs a backup through the standard plugin wiring (which
 * creates the snapshotter itself) can still see what was snapshotted. Give each test its own ledger
 * name, or {@link #clear()} it first.
 *
 * <p>A ledger also plays the provider's failures: {@link #failSnapshotsOf} makes {@code
 * createSnapshot} throw for given volume ids.
 */
public final class SnapshotLedger {
  private static final Map<String, SnapshotLedger> LEDGERS = new ConcurrentHashMap<>();

  private final String name;
  private final Map<String, TakenSnapshot> snapshots = new LinkedHashMap<>();
  private final Set<String> failingVolumes = ConcurrentHashMap.newKeySet();
  private long sequence;
  private String credentials;

  private SnapshotLedger(String name) {
    this.name = name;
  }

  /** The ledger of that name, created empty on first use. */
  public static SnapshotLedger named(String name) {
    requireNonNull(name, "name is null");
    return LEDGERS.computeIfAbsent(name, SnapshotLedger::new);
  }

  public String name() {
    return name;
  }

  /** The snapshots that exist (taken and not deleted), in the order taken. */
  public synchronized List<TakenSnapshot> snapshots() {
    return List.copyOf(snapshots.values());
  }

  /** The snapshot with that id, unless it was never taken or has been deleted. */
  public synchronized Optional<TakenSnapshot> snapshot(String snapshotId) {
    return Optional.ofNullable(snapshots.get(snapshotId));
  }

  /**
   * The content of the credentials file the last snapshotter initialised with this ledger read, or
   * empty when none had one.
   */
  public synchronized Optional<String> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Makes every later {@code createSnapshot} of these volume ids throw. */
  public SnapshotLedger failSnapshotsOf(String... volumeIds) {
    failingVolumes.addAll(List.of(volumeIds));
    return this;
  }

  /** Forgets every snapshot, failure and credential, and restarts the snapshot ids. */
  public synchronized void clear() {
    snapshots.clear();
    failingVolumes.clear();
    sequence = 0;
    credentials = null;
  }

  synchronized void credentialsRead(String content) {
    credentials = content;
  }

  boolean failsFor(String volumeId) {
    return failingVolumes.contains(volumeId);
  }

  /**
   * Records a snapshot under a new id ({@code <ledger>-snap-1}, {@code -2}, ...) and returns it.
   */
  synchronized TakenSnapshot record(
      String volumeId, String zone, Map<String, String> tags, String volumeType, Long iops) {
    String id = name + "-snap-" + ++sequence;
    TakenSnapshot snapshot = new TakenSnapshot(id, volumeId, zone, tags, volumeType, iops);
    snapshots.put(id, snapshot);
    return snapshot;
  }

  /** Removes a snapshot; {@code false} when there was none with that id. */
  synchronized boolean remove(String snapshotId) {
    return snapshots.remove(snapshotId) != null;
  }
}
