package io.stowage.core.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which Namespace objects a backup keeps (Velero's {@code nsTracker}, velero-facts §5.10).
 * A namespace is tracked when
 *
 * <ol>
 *   <li>it is {@code Active} and its labels match {@code labelSelector} or any {@code
 *       orLabelSelectors}, or its name passes the namespace filter (this branch is skipped when the
 *       filter is "everything" and a label selector is set); or
 *   <li>at least one namespaced item was collected from it during listing, whether or not the
 *       namespace is excluded (open Velero issue #9180).
 * </ol>
 *
 * <p>Thread-safe: items may be tracked from several listing threads.
 */
public final class NamespaceTracker {
  private final NamespaceFilter filter;
  private final Selector single;
  private final List<Selector> ors;
  private final Set<String> tracked = ConcurrentHashMap.newKeySet();

  /**
   * @param filter the backup's namespace filter
   * @param labelSelector {@code spec.labelSelector}, null when absent
   * @param orLabelSelectors {@code spec.orLabelSelectors}, null when absent
   */
  public NamespaceTracker(
      NamespaceFilter filter, LabelSelector labelSelector, List<LabelSelector> orLabelSelectors) {
    this.filter = requireNonNull(filter, "filter is null");
    this.single = labelSelector == null ? null : LabelSelectors.toSelector(labelSelector);
    List<Selector> list = new ArrayList<>();
    if (orLabelSelectors != null) {
      orLabelSelectors.forEach(s -> list.add(LabelSelectors.toSelector(s)));
    }
    this.ors = List.copyOf(list);
  }

  /** Rule 2: a namespaced item was collected from {@code namespace}. */
  public void trackCollectedItem(String namespace) {
    if (namespace != null && !namespace.isEmpty()) {
      tracked.add(namespace);
    }
  }

  /**
   * Rule 1, for one Namespace object from the cluster-wide Namespace list.
   *
   * @param name the namespace name
   * @param phase its {@code status.phase} ({@code Active}, {@code Terminating}, ...)
   * @param labels its labels (null for none)
   */
  public void considerNamespace(String name, String phase, Map<String, String> labels) {
    if (!"Active".equals(phase)) {
      return;
    }
    if (single != null && single.matches(labels)) {
      tracked.add(name);
      return;
    }
    for (Selector s : ors) {
      if (s.matches(labels)) {
        tracked.add(name);
      }
    }
    if (filter.includeEverything() && (single != null || !ors.isEmpty())) {
      return;
    }
    if (filter.shouldInclude(name)) {
      tracked.add(name);
    }
  }

  /** Whether the Namespace object of {@code name} is kept. */
  public boolean isTracked(String name) {
    return tracked.contains(name);
  }
}
