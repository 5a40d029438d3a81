package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AvailabilityZoneTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void zoneLabelWinsOverEverything() {
    JsonNode pv =
        pv(
            "{\"topology.kubernetes.io/zone\":\"eu-west-1a\","
                + "\"failure-domain.beta.kubernetes.io/zone\":\"old\"}",
            affinity(term(expr("topology.ebs.csi.aws.com/zone", "In", "affinity-zone"))));
    List<String> lines = new ArrayList<>();

    assertThat(AvailabilityZone.of(pv, lines::add)).isEqualTo("eu-west-1a");
    assertThat(lines).isEmpty();
  }

  @Test
  void presentButEmptyZoneLabelIsTheZone() {
    JsonNode pv =
        pv(
            "{\"topology.kubernetes.io/zone\":\"\"}",
            affinity(term(expr("topology.ebs.csi.aws.com/zone", "In", "affinity-zone"))));

    assertThat(AvailabilityZone.of(pv)).isEmpty();
  }

  @Test
  void deprecatedLabelIsTheFallback() {
    JsonNode pv = pv("{\"failure-domain.beta.kubernetes.io/zone\":\"us-east-1b\"}", "{}");
    List<String> lines = new ArrayList<>();

    assertThat(AvailabilityZone.of(pv, lines::add)).isEqualTo("us-east-1b");
    assertThat(lines)
        .containsExactly(
            "label \"topology.kubernetes.io/zone\" is not present on PersistentVolume, checking"
                + " deprecated label...");
  }

  @Test
  void nodeAffinityTakesTheFirstValueOfTheFirstMatchingInExpression() {
    JsonNode pv =
        pv(
            "{}",
            affinity(
                term(
                    expr("kubernetes.io/hostname", "In", "node-1"),
                    expr("topology.disk.csi.azure.com/zone", "NotIn", "excluded"),
                    expr("topology.disk.csi.azure.com/zone", "In"),
                    expr("topology.disk.csi.azure.com/zone", "In", "westeurope-2", "westeurope-3")),
                term(expr("topology.ebs.csi.aws.com/zone", "In", "later"))));
    List<String> lines = new ArrayList<>();

    assertThat(AvailabilityZone.of(pv, lines::add)).isEqualTo("westeurope-2");
    assertThat(lines)
        .containsExactly(
            "label \"topology.kubernetes.io/zone\" is not present on PersistentVolume, checking"
                + " deprecated label...",
            "label \"failure-domain.beta.kubernetes.io/zone\" is not present on PersistentVolume",
            "zone info from nodeAffinity requirements: westeurope-2, key:"
                + " topology.disk.csi.azure.com/zone");
  }

  @Test
  void everyTopologyKeyIsRecognised() {
    for (String key : AvailabilityZone.TOPOLOGY_KEYS) {
      JsonNode pv = pv("{}", affinity(term(expr(key, "In", "zone-of-" + key))));
      assertThat(AvailabilityZone.of(pv)).as(key).isEqualTo("zone-of-" + key);
    }
    assertThat(AvailabilityZone.TOPOLOGY_KEYS)
        .contains(
            "topology.cinder.csi.openstack.org/zone", "topology.manila.csi.openstack.org/zone");
  }

  @Test
  void gkeValuesOfEveryTermAreJoinedWithTwoUnderscores() {
    JsonNode pv =
        pv(
            "{}",
            affinity(
                term(expr("topology.gke.io/zone", "In", "us-central1-a", "ignored")),
                term(expr("topology.gke.io/zone", "In", "us-central1-b"))));

    assertThat(AvailabilityZone.of(pv)).isEqualTo("us-central1-a__us-central1-b");
  }

  @Test
  void aLaterNonGkeMatchWinsOverCollectedGkeValues() {
    JsonNode pv =
        pv(
            "{}",
            affinity(
                term(expr("topology.gke.io/zone", "In", "us-central1-a")),
                term(expr("topology.ebs.csi.aws.com/zone", "In", "eu-west-1c"))));

    assertThat(AvailabilityZone.of(pv)).isEqualTo("eu-west-1c");
  }

  @Test
  void noZoneAnywhereIsEmpty() {
    List<String> lines = new ArrayList<>();

    assertThat(AvailabilityZone.of(pv("{}", "{}"), lines::add)).isEmpty();
    assertThat(lines).last().isEqualTo("zone info not available in nodeAffinity requirements");
  }

  private static JsonNode pv(String labels, String nodeAffinity) {
    return JSON.readTree(
        "{\"metadata\":{\"name\":\"pv-1\",\"labels\":"
            + labels
            + "},\"spec\":{\"nodeAffinity\":"
            + nodeAffinity
            + "}}");
  }

  private static String affinity(String... terms) {
    return "{\"required\":{\"nodeSelectorTerms\":[" + String.join(",", terms) + "]}}";
  }

  private static String term(String... expressions) {
    return "{\"matchExpressions\":[" + String.join(",", expressions) + "]}";
  }

  private static String expr(String key, String operator, String... values) {
    StringBuilder json = new StringBuilder();
    json.append("{\"key\":\"").append(key).append("\",\"operator\":\"").append(operator);
    json.append("\",\"values\":[");
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
    }
    return json.append("]}").toString();
  }
}
