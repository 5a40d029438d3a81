package io.stowage.core.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The availability zone of a PersistentVolume as Velero determines it before a native snapshot
 * (facts §6.9 step 4, {@code takePVSnapshot} and {@code zoneFromPVNodeAffinity}):
 *
 * <ol>
 *   <li>the label {@value #ZONE_LABEL}, when present (even with an empty value);
 *   <li>else the label {@value #ZONE_LABEL_DEPRECATED}, when present;
 *   <li>else the first {@code In} expression with at least one value, over the PV's {@code
 *       spec.nodeAffinity.required.nodeSelectorTerms}, whose key is one of {@link #TOPOLOGY_KEYS}:
 *       its first value. GKE's key {@value #GKE_KEY} is the exception: the first value of every
 *       such GKE expression is collected and the values are joined with {@code __}; a later non-GKE
 *       match still wins over collected GKE values, as in Velero;
 *   <li>else {@code ""}.
 * </ol>
 */
public final class AvailabilityZone {
  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  public static final String ZONE_LABEL_DEPRECATED = "failure-domain.beta.kubernetes.io/zone";
  public static final String AWS_EBS_CSI_KEY = "topology.ebs.csi.aws.com/zone";
  public static final String AZURE_DISK_CSI_KEY = "topology.disk.csi.azure.com/zone";
  public static final String GKE_KEY = "topology.gke.io/zone";
  public static final String OPENSTACK_MANILA_CSI_KEY = "topology.manila.csi.openstack.org/zone";
  public static final String OPENSTACK_CINDER_CSI_KEY = "topology.cinder.csi.openstack.org/zone";

  /** Node-affinity keys that name a zone, in Velero's order. */
  public static final List<String> TOPOLOGY_KEYS =
      List.of(
          AWS_EBS_CSI_KEY,
          AZURE_DISK_CSI_KEY,
          GKE_KEY,
          OPENSTACK_MANILA_CSI_KEY,
          OPENSTACK_CINDER_CSI_KEY,
          ZONE_LABEL,
          ZONE_LABEL_DEPRECATED);

  private static final Set<String> KEY_SET = Set.copyOf(TOPOLOGY_KEYS);
  private static final String GKE_SEPARATOR = "__";

  private AvailabilityZone() {}

  /** The zone of {@code persistentVolume} (its JSON body); {@code ""} when it has none. */
  public static String of(JsonNode persistentVolume) {
    return of(persistentVolume, line -> {});
  }

  /**
   * As {@link #of(JsonNode)}, telling {@code info} each step with Velero's log lines.
   *
   * @param info receives the lines Velero logs at info level while looking
   */
  public static String of(JsonNode persistentVolume, Consumer<String> info) {
    JsonNode labels = persistentVolume.path("metadata").path("labels");
    if (labels.has(ZONE_LABEL)) {
      return labels.path(ZONE_LABEL).asString("");
    }
    info.accept(
        "label \""
            + ZONE_LABEL
            + "\" is not present on PersistentVolume, checking deprecated"
            + " label...");
    if (labels.has(ZONE_LABEL_DEPRECATED)) {
      return labels.path(ZONE_LABEL_DEPRECATED).asString("");
    }
    info.accept("label \"" + ZONE_LABEL_DEPRECATED + "\" is not present on PersistentVolume");
    Match match = fromNodeAffinity(persistentVolume);
    if (match.zone().isEmpty()) {
      info.accept("zone info not available in nodeAffinity requirements");
    } else {
      info.accept(
          "zone info from nodeAffinity requirements: " + match.zone() + ", key: " + match.key());
    }
    return match.zone();
  }

  private static Match fromNodeAffinity(JsonNode persistentVolume) {
    JsonNode terms =
        persistentVolume
            .path("spec")
            .path("nodeAffinity")
            .path("required")
            .path("nodeSelectorTerms");
    List<String> gkeZones = new ArrayList<>();
    for (JsonNode term : terms) {
      for (JsonNode expression : term.path("matchExpressions")) {
        String key = expression.path("key").asString("");
        JsonNode values = expression.path("values");
        if (!KEY_SET.contains(key)
            || !"In".equals(expression.path("operator").asString(""))
            || !values.isArray()
            || values.isEmpty()) {
          continue;
        }
        String first = values.get(0).asString("");
        if (key.equals(GKE_KEY)) {
          gkeZones.add(first);
        } else {
          return new Match(key, first);
        }
      }
    }
    if (!gkeZones.isEmpty()) {
      return new Match(GKE_KEY, String.join(GKE_SEPARATOR, gkeZones));
    }
    return new Match("", "");
  }

  private record Match(String key, String zone) {}
}
