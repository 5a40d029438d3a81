/**
 * Velero's selection rules as pure logic: what a backup lists, which items it keeps, which actions
 * apply (velero-facts §5, §6.4, §7.2). Nothing here talks to a cluster.
 *
 * <p>How the engine wires it, per backup:
 *
 * <ol>
 *   <li>Preparation: {@link io.stowage.core.filter.ResourceFilterSpec#validate()}, {@link
 *       io.stowage.core.filter.NamespaceFilter#validate} (on the includes after the empty-to-{@code
 *       *} rewrite) and {@link io.stowage.core.filter.LabelSelectors#validateExclusive} give the
 *       validation messages; {@link
 *       io.stowage.core.filter.ResourceFilterSpec#withAutomaticExcludes()} is the spec rewrite
 *       Velero persists.
 *   <li>Run: {@link io.stowage.core.filter.ResourceResolver} from discovery, {@link
 *       io.stowage.core.filter.NamespaceFilter#create} from the namespace lists and the cluster's
 *       namespace names, {@link io.stowage.core.filter.ResourceFilter#create}, then {@link
 *       io.stowage.core.filter.CollectionPlan#plan} for the types to list in order; each namespaced
 *       type is listed in every {@link io.stowage.core.filter.NamespaceFilter#namespacesToList()}
 *       entry ({@code ""} = cluster-wide) with each of {@link
 *       io.stowage.core.filter.LabelSelectors#listSelectors}, except {@code namespaces}, which is
 *       listed once without selector and kept per {@link io.stowage.core.filter.NamespaceTracker};
 *       {@link io.stowage.core.filter.OrderedResources#sort} reorders each type's items.
 *   <li>Each item not must-include: {@link io.stowage.core.filter.ResourceFilter#includesItem};
 *       each action: {@link io.stowage.core.filter.ActionSelector#appliesTo}.
 *   <li>After collection: {@link
 *       io.stowage.core.filter.ResourceFilter#backUpCrdsOfCustomResources()}.
 * </ol>
 */
package io.stowage.core.filter;
