package io.stowage.core.snapshot;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupItem;
import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotter;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;

/**
 * Native (VolumeSnapshotter) snapshots of the PersistentVolumes of one backup: Velero's {@code
 * takePVSnapshot} (facts §6.9), run for each PV after its actions and before its files are written
 * (§6.3 step 7).
 *
 * <p>For each PV: no snapshot when {@code spec.snapshotVolumes} is {@code false}, nor for a PV with
 * {@code spec.csi} when CSI is enabled (the CSI plugin snapshots it through its PVC); otherwise the
 * {@link AvailabilityZone zone} is determined, the locations are tried in order and the first whose
 * snapshotter returns a volume id takes the snapshot, with {@link SnapshotTags the tags}. A PV no
 * snapshotter recognises is skipped with an info line. Each attempt is recorded ({@link
 * #records()}), Completed with the provider's snapshot id or Failed.
 *
 * <p>What it decides for each PV is also told to a {@link BackedUpVolumes}, as Velero tells its
 * skip tracker: skipped by {@link BackedUpVolumes.Approach#VOLUME_SNAPSHOT} with Velero's reason
 * when {@code snapshotVolumes} is {@code false} or no snapshotter recognises the PV, included just
 * before the snapshot is taken. A CSI PV left to the CSI plugin is neither.
 *
 * <p>Errors go to the backup log at error level, naming the PV. A location whose snapshotter cannot
 * be created, or whose {@code volumeId} throws, is logged and the next location is tried, as in
 * Velero; the PV is still written. A failing {@code volumeInfo} or {@code createSnapshot} fails the
 * PV: {@link #takeSnapshot} returns {@code false} and the PV must not be written.
 *
 * <p>Thread-safe: PVs may be processed from several threads.
 */
public final class NativeSnapshots {
  /** Velero's skip reason when {@code snapshotVolumes} is {@code false}. */
  public static final String NOT_SELECTED =
      "not satisfy the criteria for VolumePolicy or the legacy snapshot way";

  /** Velero's skip reason when no location's snapshotter recognises the PV. */
  static final String NO_SNAPSHOTTER = "no applicable volumesnapshotter found";

  private final Backup backup;
  private final List<VolumeSnapshotLocation> locations;
  private final SnapshotterCache snapshotters;
  private final boolean csiEnabled;
  private final BackupLog log;
  private final BackedUpVolumes volumes;
  private final ConcurrentLinkedQueue<NativeVolumeSnapshot> records = new ConcurrentLinkedQueue<>();

  /**
   * @param backup the Backup being run (name, uid, labels, {@code spec.snapshotVolumes}, {@code
   *     spec.snapshotMoveData})
   * @param locations the resolved snapshot locations, in the order they are tried
   * @param factory creates a location's snapshotter on its first use in this backup
   * @param csiEnabled whether the CSI plugin runs in this backup ({@link CsiPlugin#enabled})
   */
  public NativeSnapshots(
      Backup backup,
      List<VolumeSnapshotLocation> locations,
      VolumeSnapshotterFactory factory,
      boolean csiEnabled,
      BackupLog log) {
    this(backup, locations, factory, csiEnabled, log, new BackedUpVolumes());
  }

  /**
   * @param volumes told which PVs were skipped and which were snapshotted
   */
  public NativeSnapshots(
      Backup backup,
      List<VolumeSnapshotLocation> locations,
      VolumeSnapshotterFactory factory,
      boolean csiEnabled,
      BackupLog log,
      BackedUpVolumes volumes) {
    this.volumes = requireNonNull(volumes, "volumes is null");
    this.backup = requireNonNull(backup, "backup is null");
    this.locations = List.copyOf(locations);
    this.snapshotters = new SnapshotterCache(requireNonNull(factory, "factory is null"));
    this.csiEnabled = csiEnabled;
    this.log = requireNonNull(log, "log is null");
  }

  /** The skip and include decisions (and the PVs added by the caller) of this backup. */
  public BackedUpVolumes volumes() {
    return volumes;
  }

  /** Snapshot records in the order they were made; Velero's {@code -volumesnapshots.json.gz}. */
  public List<NativeVolumeSnapshot> records() {
    return List.copyOf(records);
  }

  /**
   * Snapshots the volume of one PersistentVolume if this backup should.
   *
   * @param id the PV, for the log
   * @param persistentVolume the PV as the actions left it
   * @return {@code false} when an error fails the PV (it was logged; the PV must not be written)
   */
  public boolean takeSnapshot(ResourceIdentifier id, BackupItem persistentVolume) {
    String pvName = id.name();
    JsonNode body = persistentVolume.body();
    log.info(id, "Executing takePVSnapshot");
    if (Boolean.FALSE.equals(backup.getSpec().getSnapshotVolumes())) {
      log.info(
          id,
          "skipping snapshot action for pv "
              + pvName
              + " possibly due to no volume policy setting or snapshotVolumes is false");
      volumes.skip(pvName, BackedUpVolumes.Approach.VOLUME_SNAPSHOT, NOT_SELECTED);
      return true;
    }
    log.info(
        id,
        "performing snapshot action for pv "
            + pvName
            + " as the snapshotVolumes is not set to false");
    boolean csiVolume = body.path("spec").path("csi").isObject();
    if (csiEnabled && csiVolume) {
      log.info(
          id,
          "Skipping snapshot of persistent volume "
              + pvName
              + ", because it's handled by CSI plugin.");
      return true;
    }
    if (Boolean.TRUE.equals(backup.getSpec().getSnapshotMoveData())) {
      log.warn(id, "VolumeSnapshotter plugin doesn't support data movement.");
      if (csiEnabled) {
        log.warn(
            id,
            "Cannot use CSI data mover to handle PV, because PV doesn't contain CSI in spec. Fall"
                + " back to Velero native snapshot.");
      }
    }
    String zone = AvailabilityZone.of(body, line -> log.info(id, line));
    Optional<Chosen> chosen = choose(id, persistentVolume);
    if (chosen.isEmpty()) {
      log.info(
          id,
          "Persistent volume is not a supported volume type for Velero-native volumeSnapshotter"
              + " snapshot, skipping.");
      volumes.skip(pvName, BackedUpVolumes.Approach.VOLUME_SNAPSHOT, NO_SNAPSHOTTER);
      return true;
    }
    return snapshot(id, chosen.get(), zone);
  }

  private Optional<Chosen> choose(ResourceIdentifier id, BackupItem persistentVolume) {
    for (VolumeSnapshotLocation location : locations) {
      String name = location.getMetadata().getName();
      VolumeSnapshotter snapshotter;
      try {
        snapshotter = snapshotters.get(location);
      } catch (RuntimeException e) {
        log.error(
            id,
            "Error getting volume snapshotter for volume snapshot location "
                + name
                + " (provider "
                + location.getSpec().getProvider()
                + ")",
            e);
        continue;
      }
      Optional<String> volumeId;
      try {
        // A plugin gets a copy: what it does to the body must not reach the tarball.
        volumeId = snapshotter.volumeId(persistentVolume.copy());
      } catch (RuntimeException e) {
        log.error(
            id,
            "Error attempting to get volume ID for persistent volume (volume snapshot location "
                + name
                + ")",
            e);
        continue;
      }
      if (volumeId == null || volumeId.isEmpty() || volumeId.get().isEmpty()) {
        log.warn(
            id,
            "No volume ID returned by volume snapshotter for persistent volume (volume snapshot"
                + " location "
                + name
                + ")");
        continue;
      }
      log.info(id, "Got volume ID for persistent volume (volume snapshot location " + name + ")");
      return Optional.of(new Chosen(location, snapshotter, volumeId.get()));
    }
    return Optional.empty();
  }

  private boolean snapshot(ResourceIdentifier id, Chosen chosen, String zone) {
    String where =
        " (persistent volume "
            + id.name()
            + ", volume snapshot location "
            + chosen.locationName()
            + ", provider "
            + chosen.location().getSpec().getProvider()
            + ", volume ID "
            + chosen.volumeId()
            + ")";
    Map<String, String> tags = SnapshotTags.of(backup, id.name());
    log.info(id, "Getting volume information" + where);
    VolumeInfo info;
    try {
      info = chosen.snapshotter().volumeInfo(chosen.volumeId(), zone);
      if (info == null) {
        info = new VolumeInfo("", null);
      }
    } catch (RuntimeException e) {
      log.error(id, "error getting volume info" + where, e);
      return false;
    }
    log.info(id, "Snapshotting persistent volume" + where);
    NativeVolumeSnapshot.Spec spec =
        new NativeVolumeSnapshot.Spec(
            backup.getMetadata().getName(),
            backup.getMetadata().getUid(),
            chosen.locationName(),
            id.name(),
            chosen.volumeId(),
            info.volumeType(),
            zone,
            info.iops());
    volumes.include(id.name());
    try {
      String snapshotId = chosen.snapshotter().createSnapshot(chosen.volumeId(), zone, tags);
      if (snapshotId == null || snapshotId.isEmpty()) {
        throw new IllegalStateException("the volume snapshotter returned no snapshot ID");
      }
      records.add(
          new NativeVolumeSnapshot(spec, NativeVolumeSnapshot.Status.completed(snapshotId)));
      return true;
    } catch (RuntimeException e) {
      records.add(new NativeVolumeSnapshot(spec, NativeVolumeSnapshot.Status.failed()));
      log.error(id, "error taking snapshot of volume" + where, e);
      return false;
    }
  }

  private record Chosen(
      VolumeSnapshotLocation location, VolumeSnapshotter snapshotter, String volumeId) {
    String locationName() {
      return location.getMetadata().getName();
    }
  }
}
