package io.stowage.core.prepare;

import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.LabelSelectorRequirement;
import io.stowage.core.filter.LabelSelector;
import io.stowage.core.filter.LabelSelectors;
import io.stowage.core.filter.NamespaceFilter;
import io.stowage.core.filter.ResourceFilterSpec;
import java.util.ArrayList;
import java.util.List;

/** Reads the selection fields of a {@link BackupSpec} into the filter package's types. */
public final class SpecFilters implements FilterValidation {
  /** Validation of a spec's namespace lists, resource lists and label selectors. */
  public static final SpecFilters VALIDATION = new SpecFilters();

  private SpecFilters() {}

  /** The seven resource-filter fields of the spec. */
  public static ResourceFilterSpec resourceFilterSpec(BackupSpec spec) {
    return new ResourceFilterSpec(
        spec.getIncludedResources(),
        spec.getExcludedResources(),
        spec.getIncludeClusterResources(),
        spec.getIncludedClusterScopedResources(),
        spec.getExcludedClusterScopedResources(),
        spec.getIncludedNamespaceScopedResources(),
        spec.getExcludedNamespaceScopedResources());
  }

  /** Writes Velero's automatic CSI excludes into the spec (facts §5.5). */
  public static void applyAutomaticExcludes(BackupSpec spec) {
    ResourceFilterSpec rewritten = resourceFilterSpec(spec).withAutomaticExcludes();
    spec.setIncludedResources(new ArrayList<>(rewritten.includedResources()));
    spec.setExcludedResources(new ArrayList<>(rewritten.excludedResources()));
    spec.setIncludedClusterScopedResources(
        new ArrayList<>(rewritten.includedClusterScopedResources()));
    spec.setExcludedClusterScopedResources(
        new ArrayList<>(rewritten.excludedClusterScopedResources()));
    spec.setIncludedNamespaceScopedResources(
        new ArrayList<>(rewritten.includedNamespaceScopedResources()));
    spec.setExcludedNamespaceScopedResources(
        new ArrayList<>(rewritten.excludedNamespaceScopedResources()));
  }

  /** {@code spec.labelSelector}, or null when unset. */
  public static LabelSelector labelSelector(BackupSpec spec) {
    return convert(spec.getLabelSelector());
  }

  /** {@code spec.orLabelSelectors}; empty when unset. */
  public static List<LabelSelector> orLabelSelectors(BackupSpec spec) {
    List<LabelSelector> selectors = new ArrayList<>();
    for (io.stowage.api.velero.v1.LabelSelector selector : spec.getOrLabelSelectors()) {
      selectors.add(convert(selector));
    }
    return selectors;
  }

  @Override
  public List<String> validate(BackupSpec spec) {
    List<String> errors = new ArrayList<>(resourceFilterSpec(spec).validate());
    errors.addAll(
        NamespaceFilter.validate(spec.getIncludedNamespaces(), spec.getExcludedNamespaces()));
    // The model cannot tell an absent orLabelSelectors from an empty one (the field defaults to an
    // empty list and serialises without it), so an empty list is absent here.
    List<LabelSelector> ors = spec.getOrLabelSelectors().isEmpty() ? null : orLabelSelectors(spec);
    LabelSelectors.validateExclusive(labelSelector(spec), ors).ifPresent(errors::add);
    return errors;
  }

  static LabelSelector convert(io.stowage.api.velero.v1.LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    List<LabelSelector.Expression> expressions = new ArrayList<>();
    for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
      expressions.add(
          new LabelSelector.Expression(
              requirement.getKey(),
              LabelSelector.Operator.fromValue(requirement.getOperator()),
              requirement.getValues()));
    }
    return new LabelSelector(selector.getMatchLabels(), expressions);
  }
}
