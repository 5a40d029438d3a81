package io.stowage.core.filter;

import io.stowage.api.GroupResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The CSI intermediate objects Velero (v1.17+) excludes from every backup: {@code
 * volumesnapshots.snapshot.storage.k8s.io} (namespaced) and {@code
 * volumesnapshotcontents.snapshot.storage.k8s.io} (cluster-scoped). They still enter a backup when
 * a CSI action returns them as must-include additional items.
 *
 * <p>Stowage decision (velero-facts §5.5): a {@link ResourceFilter} applies them as item-level
 * excludes of these two types only, and they never count as "the user gave an exclude" for the
 * full-backup rule of the scoped mode.
 */
public final class AutomaticExcludes {
  /** {@code volumesnapshots.snapshot.storage.k8s.io}. */
  public static final GroupResource VOLUME_SNAPSHOTS =
      new GroupResource("snapshot.storage.k8s.io", "volumesnapshots");

  /** {@code volumesnapshotcontents.snapshot.storage.k8s.io}. */
  public static final GroupResource VOLUME_SNAPSHOT_CONTENTS =
      new GroupResource("snapshot.storage.k8s.io", "volumesnapshotcontents");

  /** What Velero adds to {@code excludedNamespaceScopedResources}. */
  public static final List<String> NAMESPACE_SCOPED = List.of(VOLUME_SNAPSHOTS.toString());

  /** What Velero adds to {@code excludedClusterScopedResources}. */
  public static final List<String> CLUSTER_SCOPED = List.of(VOLUME_SNAPSHOT_CONTENTS.toString());

  /** What Velero adds to {@code excludedResources} (old mode): both. */
  public static final List<String> ALL =
      List.of(VOLUME_SNAPSHOTS.toString(), VOLUME_SNAPSHOT_CONTENTS.toString());

  private AutomaticExcludes() {}

  /** Whether items of that type are excluded automatically. */
  public static boolean isAutomaticallyExcluded(GroupResource type) {
    return VOLUME_SNAPSHOTS.equals(type) || VOLUME_SNAPSHOT_CONTENTS.equals(type);
  }

  /**
   * An include and an exclude list after Velero's {@code modifyResourceIncludeExclude}: the added
   * entries not yet excluded are appended to the excludes, and include entries equal to an exclude
   * are removed.
   */
  public record Lists(List<String> includes, List<String> excludes) {
    public Lists {
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
    }
  }

  /** Velero's {@code modifyResourceIncludeExclude(include, exclude, added)}. */
  public static Lists add(
      Collection<String> includes, Collection<String> excludes, Collection<String> added) {
    List<String> inc = includes == null ? new ArrayList<>() : new ArrayList<>(includes);
    List<String> exc = excludes == null ? new ArrayList<>() : new ArrayList<>(excludes);
    List<String> original = List.copyOf(exc);
    for (String a : added) {
      if (!original.contains(a)) {
        exc.add(a);
      }
    }
    inc.removeIf(exc::contains);
    return new Lists(inc, exc);
  }

  /** The entries of {@code excludes} that are not one of {@code automatic}. */
  static List<String> withoutAutomatic(List<String> excludes, List<String> automatic) {
    List<String> out = new ArrayList<>(excludes);
    out.removeIf(automatic::contains);
    return out;
  }
}
