package io.stowage.cli;

import io.stowage.api.BackupException;
import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.api.velero.v1.LabelSelectorRequirement;
import io.stowage.core.filter.LabelSelectors;
import io.stowage.core.filter.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value syntaxes of Velero's {@code backup create} flags that are more than a list. */
final class VeleroFlags {
  private VeleroFlags() {}

  /**
   * {@code metav1.ParseToLabelSelector}, as Velero's {@code --selector}: {@code a=b} and {@code
   * a==b} become matchLabels; {@code a!=b} and {@code a notin (x,y)} NotIn; {@code a in (x,y)} In;
   * {@code a} Exists; {@code !a} DoesNotExist.
   *
   * @throws IllegalArgumentException for a selector that does not parse, or uses {@code >}/{@code
   *     <}
   */
  static LabelSelector labelSelector(String text) {
    Selector parsed;
    try {
      parsed = LabelSelectors.parse(text);
    } catch (BackupException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Map<String, String> matchLabels = new LinkedHashMap<>();
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    for (Selector.Requirement r : parsed.requirements()) {
      switch (r.op()) {
        case EQUALS, DOUBLE_EQUALS -> matchLabels.put(r.key(), r.values().get(0));
        case IN -> expressions.add(expression(r, "In"));
        case NOT_IN, NOT_EQUALS -> expressions.add(expression(r, "NotIn"));
        case EXISTS -> expressions.add(expression(r, "Exists"));
        case DOES_NOT_EXIST -> expressions.add(expression(r, "DoesNotExist"));
        case GREATER_THAN, LESS_THAN ->
            throw new IllegalArgumentException(
                "\"" + text + "\": the operators > and < are not supported in label selectors");
      }
    }
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(matchLabels);
    selector.setMatchExpressions(expressions);
    return selector;
  }

  private static LabelSelectorRequirement expression(Selector.Requirement r, String operator) {
    return new LabelSelectorRequirement(r.key(), operator, r.values().stream().sorted().toList());
  }

  /**
   * Velero's {@code ParseOrderedResources}: {@code pods=ns1/pod1,ns1/pod2;persistentvolumes=pv4} to
   * a map from resource to its comma-separated order.
   *
   * @throws IllegalArgumentException with Velero's message for an entry that is not one {@code
   *     resource=order} pair
   */
  static Map<String, String> orderedResources(String text) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String entry : text.split(";", -1)) {
      String[] pair = entry.split("=", -1);
      if (pair.length != 2) {
        throw new IllegalArgumentException("invalid OrderedResources '" + entry + "'");
      }
      ordered.put(pair[0].trim(), pair[1].trim());
    }
    return ordered;
  }
}
