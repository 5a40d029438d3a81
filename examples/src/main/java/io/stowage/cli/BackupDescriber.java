package io.stowage.cli;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.core.filter.LabelSelectors;
import io.stowage.core.prepare.SpecFilters;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Writes {@code backup describe} as Velero's describer lays it out: blocks of aligned fields. */
final class BackupDescriber {
  private final PrintWriter out;
  private final String storeUri;

  BackupDescriber(PrintWriter out, String storeUri) {
    this.out = out;
    this.storeUri = storeUri;
  }

  void describe(StoredBackup stored, boolean details) {
    Backup backup = stored.metadata();
    BackupSpec spec = backup.getSpec();
    BackupStatus status = backup.getStatus();
    String name = backup.getMetadata().getName();

    new Block("")
        .add("Name", name)
        .add("Namespace", Text.orNone(backup.getMetadata().getNamespace()))
        .add("Labels", lines(backup.getMetadata().getLabels()))
        .add("Annotations", lines(backup.getMetadata().getAnnotations()))
        .print(out);

    Block phase = new Block("").add("Phase", phase(status.phaseOrNew(), name));
    if (status.getFailureReason() != null) {
      phase.add("Failure reason", status.getFailureReason());
    }
    if (!status.getValidationErrors().isEmpty()) {
      phase.add("Validation errors", String.join("\n", status.getValidationErrors()));
    }
    phase.print(out);

    new Block("")
        .add("Errors", status.getErrors())
        .add("Warnings", status.getWarnings())
        .print(out);

    out.println("Namespaces:");
    new Block("  ")
        .add("Included", star(spec.getIncludedNamespaces()))
        .add("Excluded", Text.list(spec.getExcludedNamespaces()))
        .print(out);

    out.println("Resources:");
    resources(spec).print(out);

    String orSelectors =
        String.join(
            " or ",
            SpecFilters.orLabelSelectors(spec).stream().map(LabelSelectors::format).toList());
    new Block("")
        .add("Label selector", Text.orNone(LabelSelectors.format(SpecFilters.labelSelector(spec))))
        .add("Or label selector", Text.orNone(orSelectors))
        .print(out);

    new Block("").add("Storage Location", Text.orNone(spec.getStorageLocation())).print(out);

    new Block("")
        .add("Velero-Native Snapshot PVs", autoOr(spec.getSnapshotVolumes()))
        .add("Snapshot Move Data", autoOr(spec.getSnapshotMoveData()))
        .add(
            "Data Mover",
            spec.getDataMover() == null || spec.getDataMover().isEmpty()
                ? "velero"
                : spec.getDataMover())
        .print(out);

    new Block("").add("TTL", spec.getTtl()).print(out);
    new Block("")
        .add("CSISnapshotTimeout", spec.getCsiSnapshotTimeout())
        .add("ItemOperationTimeout", spec.getItemOperationTimeout())
        .print(out);
    new Block("")
        .add(
            "Hooks",
            spec.getHooks().getResources().isEmpty()
                ? Text.NONE
                : spec.getHooks().getResources().size() + " resource hooks")
        .print(out);
    new Block("").add("Backup Format Version", Text.orNone(status.getFormatVersion())).print(out);
    new Block("")
        .add("Started", Text.time(status.getStartTimestamp()))
        .add("Completed", Text.time(status.getCompletionTimestamp()))
        .print(out);
    new Block("").add("Expiration", Text.time(status.getExpiration())).print(out);

    int total = status.getProgress() == null ? 0 : status.getProgress().getTotalItems();
    int backedUp = status.getProgress() == null ? 0 : status.getProgress().getItemsBackedUp();
    new Block("")
        .add("Total items to be backed up", total)
        .add("Items backed up", backedUp)
        .print(out);

    out.println("Backup Volumes:");
    // As Velero's describe: with --details the volumes one by one instead of the counts; a backup
    // without the volume-info file (older than Velero 1.13) gets the counts and its native records.
    Optional<List<BackupVolumeInfo>> volumeInfos =
        details ? stored.volumeInfos() : Optional.empty();
    if (volumeInfos.isPresent()) {
      volumeDetails(volumeInfos.get());
    } else {
      new Block("  ")
          .add(
              "Velero-Native Snapshots",
              snapshots(status.getVolumeSnapshotsCompleted(), status.getVolumeSnapshotsAttempted()))
          .add(
              "CSI Snapshots",
              snapshots(
                  status.getCsiVolumeSnapshotsCompleted(), status.getCsiVolumeSnapshotsAttempted()))
          .print(out);
      if (details) {
        snapshotDetails(stored.volumeSnapshots());
      }
    }

    if (status.getHookStatus() != null) {
      new Block("")
          .add("HooksAttempted", status.getHookStatus().getHooksAttempted())
          .add("HooksFailed", status.getHookStatus().getHooksFailed())
          .print(out);
    }

    if (details) {
      resourceList(stored.json(BackupFile.RESOURCE_LIST).orElse(null));
      JsonNode results = stored.json(BackupFile.RESULTS).orElse(null);
      results("Warnings", results == null ? null : results.get("warnings"));
      results("Errors", results == null ? null : results.get("errors"));
    }
  }

  private String phase(BackupPhase phase, String name) {
    if (phase == BackupPhase.FAILED || phase == BackupPhase.PARTIALLY_FAILED) {
      return phase
          + " (run `stowage backup logs "
          + name
          + " --store "
          + storeUri
          + "` for more information)";
    }
    return phase.toString();
  }

  private static Block resources(BackupSpec spec) {
    boolean scoped =
        !spec.getIncludedClusterScopedResources().isEmpty()
            || !spec.getExcludedClusterScopedResources().isEmpty()
            || !spec.getIncludedNamespaceScopedResources().isEmpty()
            || !spec.getExcludedNamespaceScopedResources().isEmpty();
    if (scoped) {
      return new Block("  ")
          .add("Included cluster-scoped", Text.list(spec.getIncludedClusterScopedResources()))
          .add("Excluded cluster-scoped", Text.list(spec.getExcludedClusterScopedResources()))
          .add("Included namespace-scoped", star(spec.getIncludedNamespaceScopedResources()))
          .add("Excluded namespace-scoped", Text.list(spec.getExcludedNamespaceScopedResources()));
    }
    Boolean cluster = spec.getIncludeClusterResources();
    return new Block("  ")
        .add("Included", star(spec.getIncludedResources()))
        .add("Excluded", Text.list(spec.getExcludedResources()))
        .add("Cluster-scoped", cluster == null ? "auto" : cluster ? "included" : "excluded");
  }

  /**
   * The snapshots of {@code -volumeinfo.json.gz} as Velero's {@code describe --details} lists them:
   * native snapshots by PV, CSI snapshots by PVC; skipped volumes are not listed.
   */
  private void volumeDetails(List<BackupVolumeInfo> infos) {
    List<BackupVolumeInfo> nativeSnapshots =
        infos.stream()
            .filter(i -> i.backupMethod() == BackupVolumeInfo.Method.NATIVE_SNAPSHOT)
            .toList();
    List<BackupVolumeInfo> csiSnapshots =
        infos.stream()
            .filter(i -> i.backupMethod() == BackupVolumeInfo.Method.CSI_SNAPSHOT)
            .toList();
    if (nativeSnapshots.isEmpty()) {
      out.println("  Velero-Native Snapshots: <none included>");
    } else {
      out.println("  Velero-Native Snapshots:");
      for (BackupVolumeInfo info : nativeSnapshots) {
        BackupVolumeInfo.NativeSnapshotInfo snapshot = info.nativeSnapshotInfo();
        out.println("    " + info.pvName() + ":");
        new Block("      ")
            .add("Snapshot ID", snapshot == null ? "" : snapshot.snapshotHandle())
            .add("Type", snapshot == null ? "" : snapshot.volumeType())
            .add("Availability Zone", snapshot == null ? "" : snapshot.volumeAZ())
            .add("IOPS", snapshot == null ? "" : snapshot.iops())
            .add("Result", result(info))
            .print(out, false);
      }
    }
    if (csiSnapshots.isEmpty()) {
      out.println("  CSI Snapshots: <none included>");
    } else {
      out.println("  CSI Snapshots:");
      for (BackupVolumeInfo info : csiSnapshots) {
        out.println("    " + info.pvcNamespace() + "/" + info.pvcName() + ":");
        BackupVolumeInfo.CsiSnapshotInfo snapshot = info.csiSnapshotInfo();
        if (!info.preserveLocalSnapshot() || snapshot == null) {
          continue;
        }
        out.println("      Snapshot:");
        Block block = new Block("        ");
        if (!info.snapshotDataMoved() && snapshot.operationID() != null) {
          block.add("Operation ID", snapshot.operationID());
        }
        block
            .add("Snapshot Content Name", snapshot.vscName())
            .add("Storage Snapshot ID", snapshot.snapshotHandle())
            .add("Snapshot Size (bytes)", snapshot.size())
            .add("CSI Driver", snapshot.driver())
            .add("Result", result(info))
            .print(out, false);
      }
    }
    out.println();
  }

  private static String result(BackupVolumeInfo info) {
    return info.result() == null ? "" : info.result().value();
  }

  private void snapshotDetails(List<NativeVolumeSnapshot> snapshots) {
    for (NativeVolumeSnapshot snapshot : snapshots) {
      NativeVolumeSnapshot.Spec s = snapshot.spec();
      out.printf(
          "    %s: snapshot ID %s, type %s, availability zone %s, IOPS %s, phase %s%n",
          s.persistentVolumeName(),
          Text.orNone(snapshot.status().providerSnapshotID()),
          Text.orNone(s.volumeType()),
          Text.orNone(s.volumeAZ()),
          s.volumeIOPS() == null ? "<N/A>" : s.volumeIOPS(),
          Text.orNone(
              snapshot.status().phase() == null ? null : snapshot.status().phase().value()));
    }
    if (!snapshots.isEmpty()) {
      out.println();
    }
  }

  private void resourceList(JsonNode list) {
    out.println("Resource List:");
    if (list == null || !list.isObject() || list.isEmpty()) {
      out.println("  " + Text.NONE);
    } else {
      Map<String, List<String>> byType = new TreeMap<>();
      for (Map.Entry<String, JsonNode> type : list.properties()) {
        List<String> items = new ArrayList<>();
        type.getValue().forEach(item -> items.add(item.asString()));
        byType.put(type.getKey(), items);
      }
      byType.forEach(
          (type, items) -> {
            out.println("  " + type + ":");
            items.forEach(item -> out.println("    - " + item));
          });
    }
    out.println();
  }

  /** One {@code -results.gz} scope: {@code {velero: [], cluster: [], namespaces: {ns: []}}}. */
  private void results(String title, JsonNode scope) {
    out.println(title + ":");
    new Block("  ")
        .add("Velero", messages(scope == null ? null : scope.get("velero")))
        .add("Cluster", messages(scope == null ? null : scope.get("cluster")))
        .print(out, false);
    JsonNode namespaces = scope == null ? null : scope.get("namespaces");
    if (namespaces == null || namespaces.isEmpty()) {
      out.println("  Namespaces: " + Text.NONE);
    } else {
      out.println("  Namespaces:");
      Block block = new Block("    ");
      for (Map.Entry<String, JsonNode> namespace : namespaces.properties()) {
        block.add(namespace.getKey(), messages(namespace.getValue()));
      }
      block.print(out, false);
    }
    out.println();
  }

  private static String messages(JsonNode list) {
    if (list == null || list.isEmpty()) {
      return Text.NONE;
    }
    List<String> lines = new ArrayList<>();
    list.forEach(message -> lines.add(message.asString()));
    return String.join("\n", lines);
  }

  private static String lines(Map<String, String> map) {
    return map.isEmpty()
        ? Text.NONE
        : String.join(
            "\n",
            new TreeMap<>(map)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String star(List<String> values) {
    return values.isEmpty() ? "*" : String.join(", ", values);
  }

  private static String autoOr(Boolean value) {
    return value == null ? "auto" : value.toString();
  }

  private static String snapshots(int completed, int attempted) {
    return attempted == 0
        ? "<none included>"
        : completed + " of " + attempted + " snapshots completed successfully";
  }

  /** Labels and values, aligned; a value of several lines continues under the first. */
  private static final class Block {
    private final String indent;
    private final List<String[]> fields = new ArrayList<>();

    Block(String indent) {
      this.indent = indent;
    }

    Block add(String label, Object value) {
      fields.add(new String[] {label + ":", String.valueOf(value)});
      return this;
    }

    void print(PrintWriter out) {
      print(out, true);
    }

    void print(PrintWriter out, boolean blankLineAfter) {
      int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0) + 2;
      for (String[] field : fields) {
        String[] lines = field[1].split("\n", -1);
        out.println(indent + field[0] + " ".repeat(width - field[0].length()) + lines[0]);
        for (int i = 1; i < lines.length; i++) {
          out.println(indent + " ".repeat(width) + lines[i]);
        }
      }
      if (blankLineAfter) {
        out.println();
      }
    }
  }
}
