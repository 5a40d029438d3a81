package io.stowage.api;

import java.util.List;

/**
 * Says which items a plugin applies to, as Velero's {@code ResourceSelector}. Namespace and
 * resource entries are glob patterns; resource entries may be any name discovery resolves (plural,
 * singular, kind, short name, {@code resource.group}). An empty include list means all; excludes
 * win. A cluster-scoped item matches only when the namespace filter is "everything".
 *
 * @param includedNamespaces namespaces to include, empty for all
 * @param excludedNamespaces namespaces to exclude
 * @param includedResources resources to include, empty for all
 * @param excludedResources resources to exclude
 * @param labelSelector a Kubernetes label selector string ({@code app=web,tier in (a,b)}), or
 *     {@code ""} for any labels
 */
public record ResourceSelector(
    List<String> includedNamespaces,
    List<String> excludedNamespaces,
    List<String> includedResources,
    List<String> excludedResources,
    String labelSelector) {

  /** Matches every item. */
  public static final ResourceSelector ALL =
      new ResourceSelector(List.of(), List.of(), List.of(), List.of(), "");

  public ResourceSelector {
    includedNamespaces = includedNamespaces == null ? List.of() : List.copyOf(includedNamespaces);
    excludedNamespaces = excludedNamespaces == null ? List.of() : List.copyOf(excludedNamespaces);
    includedResources = includedResources == null ? List.of() : List.copyOf(includedResources);
    excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
    labelSelector = labelSelector == null ? "" : labelSelector;
  }

  /** Matches items of the given resources, in every namespace. */
  public static ResourceSelector resources(String... resources) {
    return new ResourceSelector(List.of(), List.of(), List.of(resources), List.of(), "");
  }

  public ResourceSelector withNamespaces(List<String> included, List<String> excluded) {
    return new ResourceSelector(
        included, excluded, includedResources, excludedResources, labelSelector);
  }

  public ResourceSelector withLabelSelector(String selector) {
    return new ResourceSelector(
        includedNamespaces, excludedNamespaces, includedResources, excludedResources, selector);
  }
}
