package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.GroupResource;
import io.stowage.api.LabelValues;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.Backup;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.filter.AutomaticExcludes;
import io.stowage.core.filter.ResourceResolver;
import io.stowage.core.snapshot.CsiPlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSI snapshot objects of one backup and their counts, as Velero's backup controller gathers
 * them after the main run ({@code GetBackupCSIResources}, facts §6.11 "Counting", §7.3 step 5).
 *
 * <p>Gathered only when the cluster serves {@code volumesnapshots.snapshot.storage.k8s.io}, the
 * backup runs the CSI plugin ({@link CsiPlugin#enabled}) and {@code snapshotMoveData} is not {@code
 * true}:
 *
 * <ul>
 *   <li>VolumeSnapshots in all namespaces labelled {@code velero.io/backup-name=<GetValidName>};
 *   <li>VolumeSnapshotContents with that label (the VolumeSnapshot action puts it there);
 *   <li>the VolumeSnapshotClasses those contents name, each once.
 * </ul>
 *
 * <p>{@code attempted} is the number of VolumeSnapshots. {@code completed} is the number whose
 * bound content has {@code status.readyToUse: true} when the run ends: Velero counts them at
 * finalize, after waiting for readiness as an async operation; Stowage has no finalize phase, so a
 * snapshot still being cut when the run ends is attempted but not completed. A failed list or get
 * is logged as an error, as in Velero, and the rest is still gathered.
 */
public record CsiSnapshotSummary(
    int attempted,
    int completed,
    List<ObjectNode> volumeSnapshots,
    List<ObjectNode> contents,
    List<ObjectNode> classes) {
  static final GroupResource VOLUME_SNAPSHOTS = AutomaticExcludes.VOLUME_SNAPSHOTS;
  static final GroupResource VOLUME_SNAPSHOT_CONTENTS = AutomaticExcludes.VOLUME_SNAPSHOT_CONTENTS;
  static final GroupResource VOLUME_SNAPSHOT_CLASSES =
      new GroupResource("snapshot.storage.k8s.io", "volumesnapshotclasses");

  /** Nothing gathered. */
  public static final CsiSnapshotSummary NONE =
      new CsiSnapshotSummary(0, 0, List.of(), List.of(), List.of());

  public CsiSnapshotSummary {
    volumeSnapshots = List.copyOf(volumeSnapshots);
    contents = List.copyOf(contents);
    classes = List.copyOf(classes);
  }

  /**
   * Gathers the CSI objects of {@code backup}, or {@link #NONE} when the conditions above do not
   * hold.
   *
   * @param actionNames the names of the item actions the backup ran
   */
  public static CsiSnapshotSummary gather(
      Cluster cluster,
      ResourceResolver resolver,
      List<String> actionNames,
      Backup backup,
      BackupLog log) {
    if (!CsiPlugin.enabled(actionNames) || resolver.byGroupResource(VOLUME_SNAPSHOTS).isEmpty()) {
      return NONE;
    }
    if (Boolean.TRUE.equals(backup.getSpec().getSnapshotMoveData())) {
      log.info("backup SnapshotMoveData is set to true, skip VolumeSnapshot resource persistence.");
      return NONE;
    }
    String selector =
        "velero.io/backup-name=" + LabelValues.validName(backup.getMetadata().getName());
    List<ObjectNode> snapshots = list(cluster, VOLUME_SNAPSHOTS, selector, log);
    List<ObjectNode> contents =
        resolver.byGroupResource(VOLUME_SNAPSHOT_CONTENTS).isPresent()
            ? list(cluster, VOLUME_SNAPSHOT_CONTENTS, selector, log)
            : List.of();
    List<ObjectNode> classes = classesOf(cluster, contents, log);
    int completed = 0;
    Map<String, ObjectNode> contentsByName = new HashMap<>();
    contents.forEach(c -> contentsByName.put(name(c), c));
    for (ObjectNode snapshot : snapshots) {
      String bound = snapshot.path("status").path("boundVolumeSnapshotContentName").asString("");
      if (bound.isEmpty()) {
        continue;
      }
      ObjectNode content = contentsByName.get(bound);
      if (content == null) {
        content = get(cluster, VOLUME_SNAPSHOT_CONTENTS, bound, log).orElse(null);
      }
      if (content != null && content.path("status").path("readyToUse").asBoolean(false)) {
        completed++;
      }
    }
    return new CsiSnapshotSummary(snapshots.size(), completed, snapshots, contents, classes);
  }

  private static List<ObjectNode> classesOf(
      Cluster cluster, List<ObjectNode> contents, BackupLog log) {
    Set<String> names = new LinkedHashSet<>();
    for (ObjectNode content : contents) {
      String name = content.path("spec").path("volumeSnapshotClassName").asString("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    List<ObjectNode> classes = new ArrayList<>();
    for (String name : names) {
      get(cluster, VOLUME_SNAPSHOT_CLASSES, name, log).ifPresent(classes::add);
    }
    return classes;
  }

  private static List<ObjectNode> list(
      Cluster cluster, GroupResource type, String selector, BackupLog log) {
    try {
      return cluster.list(type, "", selector);
    } catch (RuntimeException e) {
      log.error("error listing " + type + " with label " + selector + ": " + e.getMessage(), e);
      return List.of();
    }
  }

  private static Optional<ObjectNode> get(
      Cluster cluster, GroupResource type, String name, BackupLog log) {
    ResourceIdentifier id = ResourceIdentifier.clusterScoped(type, name);
    try {
      Optional<ObjectNode> found = cluster.get(id);
      if (found.isEmpty()) {
        log.error(id, type + " \"" + name + "\" not found", null);
      }
      return found;
    } catch (RuntimeException e) {
      log.error(id, "error getting " + type + " " + name + ": " + e.getMessage(), e);
      return Optional.empty();
    }
  }

  private static String name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }
}
