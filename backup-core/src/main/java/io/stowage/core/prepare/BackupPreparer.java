package io.stowage.core.prepare;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.LabelValues;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.BackupStorageLocationAccessMode;
import io.stowage.api.velero.v1.BackupStorageLocationPhase;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import io.stowage.core.cluster.ServerVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Velero's {@code prepareBackupRequest}: applies the server defaults to a Backup, resolves its
 * storage and snapshot locations, and validates it, collecting every validation message. The
 * defaults are applied whether or not validation passes, as in Velero, so a FailedValidation Backup
 * shows what was checked.
 *
 * <p>Preparation reads the cluster (version, namespaces labelled for exclusion, locations) and
 * writes nothing anywhere.
 */
public final class BackupPreparer {
  public static final String FORMAT_VERSION = "1.1.0";
  public static final String STORAGE_LOCATION_LABEL = "velero.io/storage-location";
  public static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";
  static final String GIT_VERSION_ANNOTATION = "velero.io/source-cluster-k8s-gitversion";
  static final String MAJOR_VERSION_ANNOTATION = "velero.io/source-cluster-k8s-major-version";
  static final String MINOR_VERSION_ANNOTATION = "velero.io/source-cluster-k8s-minor-version";
  static final String RESOURCE_TIMEOUT_ANNOTATION = "velero.io/resource-timeout";
  static final String DEFAULT_VOLUME_GROUP_LABEL = "velero.io/volume-group";

  private final PreparationDefaults defaults;
  private final Clock clock;

  public BackupPreparer(PreparationDefaults defaults, Clock clock) {
    this.defaults = requireNonNull(defaults, "defaults is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Prepares a copy of {@code original}; the original is not changed.
   *
   * @param serverVersion the cluster's version, for the source-cluster annotations
   * @param excludedByLabel names of namespaces labelled {@code velero.io/exclude-from-backup=true}
   * @param locations where storage and snapshot locations are looked up
   * @param filterValidation checks the include/exclude lists and label selectors
   */
  public Preparation prepare(
      Backup original,
      ServerVersion serverVersion,
      List<String> excludedByLabel,
      LocationCatalog locations,
      FilterValidation filterValidation) {
    Backup backup = VeleroJson.deepCopy(original);
    BackupSpec spec = backup.getSpec();
    BackupStatus status = backup.getStatus();
    Instant now = clock.instant();
    List<String> errors = new ArrayList<>();

    status.setVersion(1);
    status.setFormatVersion(FORMAT_VERSION);
    if (isZero(spec.getTtl())) {
      spec.setTtl(defaults.backupTtl());
    }
    if (spec.getVolumeGroupSnapshotLabelKey() == null
        || spec.getVolumeGroupSnapshotLabelKey().isEmpty()) {
      spec.setVolumeGroupSnapshotLabelKey(DEFAULT_VOLUME_GROUP_LABEL);
    }
    if (isZero(spec.getCsiSnapshotTimeout())) {
      spec.setCsiSnapshotTimeout(defaults.csiSnapshotTimeout());
    }
    if (isZero(spec.getItemOperationTimeout())) {
      spec.setItemOperationTimeout(defaults.itemOperationTimeout());
    }
    status.setExpiration(now.plus(spec.getTtl().toDuration()));
    if (Boolean.TRUE.equals(spec.getDefaultVolumesToRestic())) {
      spec.setDefaultVolumesToFsBackup(true);
    }
    if (spec.getDefaultVolumesToFsBackup() == null) {
      spec.setDefaultVolumesToFsBackup(defaults.volumesToFsBackup());
    }
    if (spec.getSnapshotMoveData() == null) {
      spec.setSnapshotMoveData(defaults.snapshotMoveData());
    }

    BackupStorageLocation location = resolveStorageLocation(spec, locations, errors);
    backup
        .getMetadata()
        .getLabels()
        .put(STORAGE_LOCATION_LABEL, LabelValues.validName(spec.getStorageLocation()));
    List<VolumeSnapshotLocation> snapshotLocations =
        new SnapshotLocationResolver(defaults.defaultSnapshotLocations())
            .resolve(spec, locations, errors);

    Map<String, String> annotations = backup.getMetadata().getAnnotations();
    annotations.put(GIT_VERSION_ANNOTATION, serverVersion.gitVersion());
    annotations.put(MAJOR_VERSION_ANNOTATION, serverVersion.major());
    annotations.put(MINOR_VERSION_ANNOTATION, serverVersion.minor());
    annotations.put(RESOURCE_TIMEOUT_ANNOTATION, defaults.resourceTimeout().toString());

    List<String> excluded = new ArrayList<>(nullToEmpty(spec.getExcludedNamespaces()));
    for (String namespace : excludedByLabel) {
      if (!excluded.contains(namespace)) {
        excluded.add(namespace);
      }
    }
    spec.setExcludedNamespaces(excluded);
    if (nullToEmpty(spec.getIncludedNamespaces()).isEmpty()) {
      spec.setIncludedNamespaces(new ArrayList<>(List.of("*")));
    }

    errors.addAll(filterValidation.validate(spec));
    SpecFilters.applyAutomaticExcludes(spec);

    if (!errors.isEmpty()) {
      status.setValidationErrors(errors);
      status.setPhase(BackupPhase.FAILED_VALIDATION);
    }
    return new Preparation(backup, errors, location, snapshotLocations);
  }

  private BackupStorageLocation resolveStorageLocation(
      BackupSpec spec, LocationCatalog locations, List<String> errors) {
    boolean chosenByServer = false;
    if (spec.getStorageLocation() == null || spec.getStorageLocation().isEmpty()) {
      Optional<BackupStorageLocation> marked = Optional.empty();
      try {
        marked =
            locations.storageLocations().stream().filter(l -> l.getSpec().isDefault()).findFirst();
      } catch (BackupException e) {
        // Velero ignores a failing list here and falls back to the server default name.
      }
      if (marked.isPresent()) {
        spec.setStorageLocation(marked.get().getMetadata().getName());
      } else {
        spec.setStorageLocation(defaults.storageLocation());
        chosenByServer = true;
      }
    }
    String name = spec.getStorageLocation();
    Optional<BackupStorageLocation> found;
    try {
      found = locations.storageLocation(name);
    } catch (BackupException e) {
      errors.add("error getting backup storage location: " + e.getMessage());
      return null;
    }
    if (found.isEmpty()) {
      String notFound = "backupstoragelocations.velero.io \"" + name + "\" not found";
      errors.add(
          chosenByServer
              ? "an existing backup storage location was not specified at backup creation time"
                  + " and the server default "
                  + name
                  + " does not exist. Please address this issue (see `velero backup-location -h`"
                  + " for options) and create a new backup. Error: "
                  + notFound
              : "an existing backup storage location was not specified at backup creation time"
                  + " and the default "
                  + name
                  + " was not found. Please address this issue (see `velero backup-location -h`"
                  + " for options) and create a new backup. Error: "
                  + notFound);
      return null;
    }
    BackupStorageLocation location = found.get();
    if (location.getSpec().getAccessMode() == BackupStorageLocationAccessMode.READ_ONLY) {
      errors.add(
          "backup can't be created because backup storage location "
              + name
              + " is currently in read-only mode");
    }
    // Stowage runs no location-validation controller, so only an explicit Unavailable blocks.
    if (location.getStatus() != null
        && location.getStatus().getPhase() == BackupStorageLocationPhase.UNAVAILABLE) {
      errors.add(
          "backup can't be created because BackupStorageLocation "
              + name
              + " is in Unavailable status.");
    }
    return location;
  }

  private static boolean isZero(GoDuration duration) {
    return duration == null || duration.isZero();
  }

  static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static Map<String, String> copy(Map<String, String> map) {
    return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
  }
}
