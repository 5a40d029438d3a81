package io.stowage.cli;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The flags of Velero's {@code velero backup create} that shape the Backup. Each one given replaces
 * that field of the manifest; one not given leaves it alone. Lists are comma-separated and the flag
 * may be repeated.
 */
final class BackupSpecOptions {
  @Option(
      names = "--include-namespaces",
      split = ",",
      paramLabel = "<ns>",
      description = "Namespaces to include (globs; default: all).")
  List<String> includeNamespaces;

  @Option(
      names = "--exclude-namespaces",
      split = ",",
      paramLabel = "<ns>",
      description = "Namespaces to exclude.")
  List<String> excludeNamespaces;

  @Option(
      names = "--include-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Resources to include, as resource.group (default: all).")
  List<String> includeResources;

  @Option(
      names = "--exclude-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Resources to exclude.")
  List<String> excludeResources;

  @Option(
      names = "--include-cluster-resources",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description = "Include cluster-scoped resources (unset: decided by the namespace filter).")
  Boolean includeClusterResources;

  @Option(
      names = "--include-cluster-scoped-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Cluster-scoped resources to include (new-style filter).")
  List<String> includeClusterScopedResources;

  @Option(
      names = "--exclude-cluster-scoped-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Cluster-scoped resources to exclude (new-style filter).")
  List<String> excludeClusterScopedResources;

  @Option(
      names = "--include-namespace-scoped-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Namespace-scoped resources to include (new-style filter).")
  List<String> includeNamespaceScopedResources;

  @Option(
      names = "--exclude-namespace-scoped-resources",
      split = ",",
      paramLabel = "<resource>",
      description = "Namespace-scoped resources to exclude (new-style filter).")
  List<String> excludeNamespaceScopedResources;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "<selector>",
      description = "Only back up items matching this label selector, such as app=web,tier!=db.")
  LabelSelector selector;

  @Option(
      names = "--or-selector",
      split = "\\s+or\\s+",
      splitSynopsisLabel = " or ",
      paramLabel = "<selector>",
      description =
          "Back up items matching any of these selectors; repeat the flag or join with \" or \".")
  List<LabelSelector> orSelectors;

  @Option(
      names = "--ttl",
      paramLabel = "<duration>",
      description = "How long the backup is kept, such as 24h0m0s (default: 720h0m0s).")
  GoDuration ttl;

  @Option(
      names = "--storage-location",
      paramLabel = "<name>",
      description = "Storage location to back up to (default: the one marked default).")
  String storageLocation;

  @Option(
      names = "--volume-snapshot-locations",
      split = ",",
      paramLabel = "<name>",
      description = "Volume snapshot locations, at most one per provider.")
  List<String> volumeSnapshotLocations;

  @Option(
      names = "--snapshot-volumes",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description = "Take snapshots of PersistentVolumes (unset: yes).")
  Boolean snapshotVolumes;

  @Option(
      names = "--csi-snapshot-timeout",
      paramLabel = "<duration>",
      description =
          "How long to wait for a CSI VolumeSnapshot to be bound to a content with a snapshot"
              + " handle, such as 5m0s (default: 10m0s).")
  GoDuration csiSnapshotTimeout;

  @Option(
      names = "--ordered-resources",
      paramLabel = "<order>",
      description =
          "Objects to back up first, in order: pods=ns1/pod1,ns1/pod2;persistentvolumes=pv4,pv8")
  String orderedResources;

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "<key=value>",
      description = "Labels of the Backup object.")
  Map<String, String> labels;

  @Option(
      names = "--annotations",
      split = ",",
      paramLabel = "<key=value>",
      description = "Annotations of the Backup object.")
  Map<String, String> annotations;

  /**
   * Sets the fields whose flags were given.
   *
   * @throws IllegalArgumentException for a value only checkable now ({@code --ordered-resources})
   */
  void applyTo(Backup backup) {
    BackupSpec spec = backup.getSpec();
    list(includeNamespaces, spec::setIncludedNamespaces);
    list(excludeNamespaces, spec::setExcludedNamespaces);
    list(includeResources, spec::setIncludedResources);
    list(excludeResources, spec::setExcludedResources);
    set(includeClusterResources, spec::setIncludeClusterResources);
    list(includeClusterScopedResources, spec::setIncludedClusterScopedResources);
    list(excludeClusterScopedResources, spec::setExcludedClusterScopedResources);
    list(includeNamespaceScopedResources, spec::setIncludedNamespaceScopedResources);
    list(excludeNamespaceScopedResources, spec::setExcludedNamespaceScopedResources);
    set(selector, spec::setLabelSelector);
    set(orSelectors, spec::setOrLabelSelectors);
    set(ttl, spec::setTtl);
    set(storageLocation, spec::setStorageLocation);
    list(volumeSnapshotLocations, spec::setVolumeSnapshotLocations);
    set(snapshotVolumes, spec::setSnapshotVolumes);
    set(csiSnapshotTimeout, spec::setCsiSnapshotTimeout);
    if (orderedResources != null) {
      spec.setOrderedResources(VeleroFlags.orderedResources(orderedResources));
    }
    if (labels != null) {
      backup.getMetadata().getLabels().putAll(labels);
    }
    if (annotations != null) {
      backup.getMetadata().getAnnotations().putAll(annotations);
    }
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** Trimmed, without blanks: {@code --include-namespaces ""} is an empty list. */
  private static void list(List<String> values, Consumer<List<String>> setter) {
    if (values != null) {
      setter.accept(values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList());
    }
  }
}
