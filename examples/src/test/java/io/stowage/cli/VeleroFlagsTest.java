package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.api.velero.v1.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VeleroFlagsTest {
  @Test
  void selectorBecomesMatchLabelsAndExpressions() {
    LabelSelector selector =
        VeleroFlags.labelSelector("app=web,tier!=db,env in (prod,dev),canary,!legacy");

    assertThat(selector.getMatchLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(selector.getMatchExpressions())
        .extracting(
            LabelSelectorRequirement::getKey,
            LabelSelectorRequirement::getOperator,
            LabelSelectorRequirement::getValues)
        .containsExactlyInAnyOrder(
            tuple("tier", "NotIn", List.of("db")),
            tuple("env", "In", List.of("dev", "prod")),
            tuple("canary", "Exists", List.of()),
            tuple("legacy", "DoesNotExist", List.of()));
  }

  @Test
  void unsupportedOrBrokenSelectorsAreRefused() {
    assertThatThrownBy(() -> VeleroFlags.labelSelector("replicas>1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> VeleroFlags.labelSelector("app in (a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void orderedResourcesAsVeleroParsesThem() {
    assertThat(VeleroFlags.orderedResources("pods=ns1/pod1,ns1/pod2;persistentvolumes=pv4,pv8"))
        .containsExactly(
            Map.entry("pods", "ns1/pod1,ns1/pod2"), Map.entry("persistentvolumes", "pv4,pv8"));
    assertThatThrownBy(() -> VeleroFlags.orderedResources("pods"))
        .hasMessage("invalid OrderedResources 'pods'");
  }
}
