package io.stowage.core.filter;

import io.stowage.core.cluster.ApiResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types a backup lists, in order: {@link ResourceResolver#collectionOrder()} filtered
 * by {@link ResourceFilter#listType}, then Velero's two-group rule: of {@code deployments}, {@code
 * daemonsets}, {@code replicasets} ({@code extensions} / {@code apps}), {@code networkpolicies}
 * ({@code extensions} / {@code networking.k8s.io}) and {@code events} (core / {@code
 * events.k8s.io}) only the first group that passes the filter is listed; the other is skipped for
 * the rest of the backup.
 */
public final class CollectionPlan {
  /** Velero's info message for a type the filter rejects. */
  public static final String EXCLUDED = "Skipping resource because it's excluded";

  /** Velero's info message for the second group of a two-group type. */
  public static final String COHABITING =
      "Skipping resource because it cohabitates and we've already processed it";

  /**
   * One type in collection order and whether it is listed.
   *
   * @param type the type
   * @param listed whether the backup lists it
   * @param skipReason {@link #EXCLUDED} or {@link #COHABITING} when not listed, else null
   */
  public record Step(ApiResource type, boolean listed, String skipReason) {}

  private CollectionPlan() {}

  /** Every backupable type in collection order, with the decision for each. */
  public static List<Step> plan(ResourceResolver resolver, ResourceFilter filter) {
    List<Step> steps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ApiResource type : resolver.collectionOrder()) {
      if (!filter.listType(type)) {
        steps.add(new Step(type, false, EXCLUDED));
        continue;
      }
      Optional<String> key = ResourceResolver.cohabitingKey(type);
      if (key.isPresent() && !seen.add(key.get())) {
        steps.add(new Step(type, false, COHABITING));
        continue;
      }
      steps.add(new Step(type, true, null));
    }
    return steps;
  }

  /** Only the listed types of {@link #plan}, in order. */
  public static List<ApiResource> typesToList(ResourceResolver resolver, ResourceFilter filter) {
    return plan(resolver, filter).stream().filter(Step::listed).map(Step::type).toList();
  }
}
