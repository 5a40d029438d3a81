package io.stowage.testkit.snapshot;

import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ConfigKeys;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link VolumeSnapshotter} whose "cloud" is a {@link SnapshotLedger} in memory: for tests, and
 * the shape a real snapshotter has. A real one differs only where this one touches the ledger: it
 * would call its provider's API there.
 *
 * <p>What a real snapshotter does, and this one shows:
 *
 * <ul>
 *   <li>{@link #init} validates every setting and refuses unknown keys (Velero's plugin framework
 *       does the same), so a typo in a VolumeSnapshotLocation fails loudly, naming the key.
 *   <li>{@link #volumeId} recognises only the volumes of its provider and answers empty for every
 *       other PV, so that the engine can try the next location. It never changes the PV.
 *   <li>{@link #volumeInfo} and {@link #createSnapshot} report provider failures by throwing; the
 *       engine then records the snapshot as Failed and fails the PV.
 *   <li>{@link #deleteSnapshot} is idempotent: deleting a snapshot that is gone is not an error.
 *   <li>Instances are thread-safe after {@code init}.
 * </ul>
 *
 * <p>Settings ({@code spec.config} of the VolumeSnapshotLocation):
 *
 * <ul>
 *   <li>{@value #LEDGER} — the {@link SnapshotLedger} name; default {@value #DEFAULT_LEDGER};
 *   <li>{@value #DRIVER} — when set, only CSI volumes of this driver are recognised;
 *   <li>{@value #VOLUME_TYPE} — what {@link #volumeInfo} reports as type; default {@value
 *       #DEFAULT_VOLUME_TYPE};
 *   <li>{@value #IOPS} — what {@link #volumeInfo} reports as IOPS (a whole number); default none;
 *   <li>{@value #FAIL_VOLUMES} — comma-separated volume ids whose snapshots fail, beside those the
 *       ledger was told about ({@link SnapshotLedger#failSnapshotsOf});
 *   <li>{@value #CREDENTIALS_FILE} — set by the engine, not by users, for a location with {@code
 *       spec.credential}: the path of a file holding the referenced Secret key. It is read in
 *       {@code init}, as a real snapshotter would read its cloud credentials, and its content is
 *       kept in the ledger ({@link SnapshotLedger#credentials()}).
 * </ul>
 *
 * <p>Recognised volumes: a PV with {@code spec.csi.volumeHandle} (of driver {@value #DRIVER} when
 * set) has that handle as volume id; without {@value #DRIVER}, a PV with {@code spec.hostPath.path}
 * has that path as volume id. Any other PV is not recognised.
 *
 * <p>It passes {@link VolumeSnapshotterContract} ({@code RecordingVolumeSnapshotterContractTest}),
 * the checks a copy of it should run too: its test extends that class with a PV it handles and one
 * it does not.
 */
public final class RecordingVolumeSnapshotter implements VolumeSnapshotter {
  public static final String LEDGER = "ledger";
  public static final String DRIVER = "driver";
  public static final String VOLUME_TYPE = "volumeType";
  public static final String IOPS = "iops";
  public static final String FAIL_VOLUMES = "failVolumes";
  public static final String CREDENTIALS_FILE = "credentialsFile";
  public static final String DEFAULT_LEDGER = "default";
  public static final String DEFAULT_VOLUME_TYPE = "testkit-standard";

  private static final Set<String> KEYS =
      Set.of(LEDGER, DRIVER, VOLUME_TYPE, IOPS, FAIL_VOLUMES, CREDENTIALS_FILE);

  private volatile Settings settings;

  @Override
  public void init(Map<String, String> config) {
    ConfigKeys.requireValidKeys(config, KEYS);
    Long iops = null;
    String iopsText = config.getOrDefault(IOPS, "");
    if (!iopsText.isBlank()) {
      try {
        iops = Long.parseLong(iopsText.trim());
      } catch (NumberFormatException e) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT,
            "config key " + IOPS + " must be a whole number, not \"" + iopsText + "\"");
      }
    }
    Set<String> failing =
        Arrays.stream(config.getOrDefault(FAIL_VOLUMES, "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    SnapshotLedger ledger = SnapshotLedger.named(nonBlank(config.get(LEDGER), DEFAULT_LEDGER));
    String credentialsFile = config.get(CREDENTIALS_FILE);
    if (credentialsFile != null && !credentialsFile.isBlank()) {
      ledger.credentialsRead(readCredentials(credentialsFile));
    }
    settings =
        new Settings(
            ledger,
            nonBlank(config.get(DRIVER), ""),
            nonBlank(config.get(VOLUME_TYPE), DEFAULT_VOLUME_TYPE),
            iops,
            failing);
  }

  /** The ledger this snapshotter writes to. */
  public SnapshotLedger ledger() {
    return settings().ledger();
  }

  @Override
  public Optional<String> volumeId(BackupItem persistentVolume) {
    Settings s = settings();
    JsonNode spec = persistentVolume.body().path("spec");
    JsonNode csi = spec.path("csi");
    if (csi.isObject()) {
      String handle = csi.path("volumeHandle").asString("");
      boolean driverMatches =
          s.driver().isEmpty() || s.driver().equals(csi.path("driver").asString(""));
      return driverMatches && !handle.isEmpty() ? Optional.of(handle) : Optional.empty();
    }
    if (s.driver().isEmpty()) {
      String path = spec.path("hostPath").path("path").asString("");
      return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }
    return Optional.empty();
  }

  @Override
  public BackupItem withVolumeId(BackupItem persistentVolume, String volumeId) {
    if (volumeId(persistentVolume).isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "persistent volume "
              + persistentVolume.identity().name()
              + " is not a volume of this snapshotter");
    }
    ObjectNode body = persistentVolume.body().deepCopy();
    ObjectNode spec = (ObjectNode) body.get("spec");
    if (spec.path("csi").isObject()) {
      ((ObjectNode) spec.get("csi")).put("volumeHandle", volumeId);
    } else {
      ((ObjectNode) spec.get("hostPath")).put("path", volumeId);
    }
    return persistentVolume.withBody(body);
  }

  @Override
  public VolumeInfo volumeInfo(String volumeId, String availabilityZone) {
    Settings s = settings();
    return new VolumeInfo(s.volumeType(), s.iops());
  }

  @Override
  public String createSnapshot(String volumeId, String availabilityZone, Map<String, String> tags) {
    Settings s = settings();
    if (s.failingVolumes().contains(volumeId) || s.ledger().failsFor(volumeId)) {
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "snapshot of volume " + volumeId + " failed (ledger " + s.ledger().name() + ")");
    }
    return s.ledger()
        .record(volumeId, availabilityZone, tags, s.volumeType(), s.iops())
        .snapshotId();
  }

  @Override
  public void deleteSnapshot(String snapshotId) {
    settings().ledger().remove(snapshotId);
  }

  private Settings settings() {
    Settings s = settings;
    if (s == null) {
      throw new IllegalStateException("init was not called");
    }
    return s;
  }

  private static String readCredentials(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "cannot read the credentials file " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private record Settings(
      SnapshotLedger ledger,
      String driver,
      String volumeType,
      Long iops,
      Set<String> failingVolumes) {}
}
