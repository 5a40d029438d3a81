package io.stowage.core.hooks;

import io.stowage.api.GroupResource;
import io.stowage.api.velero.v1.BackupHooks;
import io.stowage.api.velero.v1.BackupResourceHook;
import io.stowage.api.velero.v1.BackupResourceHookSpec;
import io.stowage.api.velero.v1.ExecHook;
import io.stowage.api.velero.v1.LabelSelectorRequirement;
import io.stowage.core.filter.IncludesExcludes;
import io.stowage.core.filter.LabelSelector;
import io.stowage.core.filter.LabelSelectors;
import io.stowage.core.filter.ResourceResolver;
import io.stowage.core.filter.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.hooks.resources}, resolved for a backup: namespace include/exclude
 * (globs), resources resolved through discovery, optional label selector, and its exec hooks.
 *
 * @param name the spec's name
 * @param namespaces namespace filter
 * @param resources resource filter on {@code <resource>[.<group>]}
 * @param labels label selector, or null for none
 * @param pre pre exec hooks in spec order
 * @param post post exec hooks in spec order
 */
public record ResourceHook(
    String name,
    IncludesExcludes namespaces,
    IncludesExcludes resources,
    Selector labels,
    List<PodExecHook> pre,
    List<PodExecHook> post) {
  public ResourceHook {
    pre = List.copyOf(pre);
    post = List.copyOf(post);
  }

  /**
   * Resolves every spec entry.
   *
   * @throws io.stowage.api.BackupException {@code INVALID_ARGUMENT} for a label selector that is
   *     not valid
   */
  public static List<ResourceHook> resolve(BackupHooks hooks, ResourceResolver resolver) {
    List<ResourceHook> result = new ArrayList<>();
    if (hooks == null) {
      return result;
    }
    for (BackupResourceHookSpec spec : hooks.getResources()) {
      Selector labels =
          spec.getLabelSelector() == null
              ? null
              : LabelSelectors.toSelector(convert(spec.getLabelSelector()));
      result.add(
          new ResourceHook(
              spec.getName(),
              IncludesExcludes.of(spec.getIncludedNamespaces(), spec.getExcludedNamespaces()),
              IncludesExcludes.of(
                  resolver.canonicalIncludes(spec.getIncludedResources()),
                  resolver.canonicalExcludes(spec.getExcludedResources())),
              labels,
              execHooks(spec.getName(), spec.getPre()),
              execHooks(spec.getName(), spec.getPost())));
    }
    return result;
  }

  /** Whether this entry applies to an item of that type, namespace and labels. */
  public boolean appliesTo(GroupResource type, String namespace, Map<String, String> itemLabels) {
    return namespaces.shouldInclude(namespace)
        && resources.shouldInclude(type.toString())
        && (labels == null || labels.matches(itemLabels));
  }

  /** The hooks of one phase. */
  public List<PodExecHook> hooks(HookPhase phase) {
    return phase == HookPhase.PRE ? pre : post;
  }

  private static List<PodExecHook> execHooks(String name, List<BackupResourceHook> hooks) {
    List<PodExecHook> result = new ArrayList<>();
    for (BackupResourceHook hook : hooks) {
      ExecHook exec = hook.getExec();
      if (exec != null) {
        result.add(
            new PodExecHook(
                name,
                "backupSpec",
                exec.getContainer(),
                exec.getCommand(),
                exec.getOnError(),
                exec.getTimeout() == null ? Duration.ZERO : exec.getTimeout().toDuration()));
      }
    }
    return result;
  }

  private static LabelSelector convert(io.stowage.api.velero.v1.LabelSelector selector) {
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
