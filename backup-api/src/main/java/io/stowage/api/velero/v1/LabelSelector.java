package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector ({@code metav1.LabelSelector}): all of {@code matchLabels} and all of
 * {@code matchExpressions} must match. An empty selector matches everything; where a selector is
 * optional, {@code null} means "no selector". Neither list nor map is ever {@code null}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"matchLabels", "matchExpressions"})
public class LabelSelector extends ExtensibleObject {
  private Map<String, String> matchLabels = new LinkedHashMap<>();
  private List<LabelSelectorRequirement> matchExpressions = new ArrayList<>();

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = Fields.copyOf(matchLabels);
  }

  public List<LabelSelectorRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<LabelSelectorRequirement> matchExpressions) {
    this.matchExpressions = Fields.copyOf(matchExpressions);
  }
}
