package io.stowage.core.snapshot;

import io.stowage.api.velero.v1.BackupVolumeInfo.PvInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The PersistentVolumes of one backup and why their data was left out: Velero's PV map of {@code
 * BackupVolumesInformation} and its {@code skipPVTracker} (see {@code docs/architecture.md} "The
 * volume-info file").
 *
 * <p>{@link #add} records a PV that reached its snapshot step; {@link #skip} records one reason per
 * {@link Approach} for a PV, and {@link #include} says the PV's data is backed up, which drops its
 * reasons and ignores any later {@code skip} for it. A PV may be skipped or included before or
 * after it is added: the PVC path names its volume before the PV is backed up.
 *
 * <p>Holds per PV only its name, claim, reclaim policy and labels, never the PV body. Thread-safe.
 */
public final class BackedUpVolumes {
  /** Velero's backup approaches, with the strings its skip reasons start with. */
  public enum Approach {
    POD_VOLUME("podvolume"),
    CSI_SNAPSHOT("csiSnapshot"),
    VOLUME_SNAPSHOT("volumeSnapshot"),
    VSPHERE_SNAPSHOT("vsphereSnapshot"),
    /** Velero's approach for a reason given without one (the exclude label). */
    ANY("any");

    private final String value;

    Approach(String value) {
      this.value = value;
    }

    /** The string in {@code skippedReason}. */
    public String value() {
      return value;
    }
  }

  /**
   * A backed-up PV.
   *
   * @param pvName its name
   * @param pvcName {@code spec.claimRef.name}, or {@code ""}
   * @param pvcNamespace {@code spec.claimRef.namespace}, or {@code ""}
   * @param pvInfo its reclaim policy and labels
   */
  public record Volume(String pvName, String pvcName, String pvcNamespace, PvInfo pvInfo) {}

  private final Map<String, Volume> volumes = new LinkedHashMap<>();
  private final Map<String, String> volumeByClaim = new HashMap<>();
  private final Map<String, SortedMap<String, String>> skipped = new HashMap<>();
  private final Set<String> included = new HashSet<>();

  /** Records a PV (its body as the actions left it); a PV added again replaces the first. */
  public synchronized void add(JsonNode persistentVolume) {
    String name = persistentVolume.path("metadata").path("name").asString("");
    if (name.isEmpty()) {
      return;
    }
    JsonNode spec = persistentVolume.path("spec");
    JsonNode claim = spec.path("claimRef");
    String pvcName = claim.path("name").asString("");
    String pvcNamespace = claim.path("namespace").asString("");
    JsonNode labelNode = persistentVolume.path("metadata").path("labels");
    Map<String, String> labels = null;
    if (labelNode.isObject()) {
      labels = new TreeMap<>();
      for (Map.Entry<String, JsonNode> label : labelNode.properties()) {
        labels.put(label.getKey(), label.getValue().asString(""));
      }
    }
    PvInfo info = new PvInfo(spec.path("persistentVolumeReclaimPolicy").asString(""), labels);
    volumes.put(name, new Volume(name, pvcName, pvcNamespace, info));
    if (!pvcName.isEmpty() && !pvcNamespace.isEmpty()) {
      volumeByClaim.put(claimKey(pvcNamespace, pvcName), name);
    }
  }

  /**
   * Records why the data of PV {@code pvName} was not backed up by {@code approach} (one reason per
   * approach, the last one wins). Ignored for an empty name or reason, and for a PV already {@link
   * #include included}.
   */
  public synchronized void skip(String pvName, Approach approach, String reason) {
    if (pvName == null || pvName.isEmpty() || reason == null || reason.isEmpty()) {
      return;
    }
    if (included.contains(pvName)) {
      return;
    }
    skipped.computeIfAbsent(pvName, name -> new TreeMap<>()).put(approach.value(), reason);
  }

  /** Records that the data of PV {@code pvName} is backed up: it is no longer skipped. */
  public synchronized void include(String pvName) {
    if (pvName == null || pvName.isEmpty()) {
      return;
    }
    included.add(pvName);
    skipped.remove(pvName);
  }

  /** The backed-up PV named {@code pvName}. */
  public synchronized Optional<Volume> byName(String pvName) {
    return Optional.ofNullable(volumes.get(pvName));
  }

  /** The backed-up PV whose claim is {@code namespace/name}. */
  public synchronized Optional<Volume> byClaim(String namespace, String name) {
    String pvName = volumeByClaim.get(claimKey(namespace, name));
    return pvName == null ? Optional.empty() : Optional.ofNullable(volumes.get(pvName));
  }

  /**
   * Skipped PVs by name (sorted) with Velero's serialised reasons: {@code <approach>: <reason>;}
   * for each approach, approaches sorted.
   */
  public synchronized SortedMap<String, String> skippedReasons() {
    SortedMap<String, String> reasons = new TreeMap<>();
    skipped.forEach(
        (pvName, byApproach) -> {
          StringBuilder text = new StringBuilder();
          byApproach.forEach(
              (approach, reason) -> text.append(approach).append(": ").append(reason).append(';'));
          reasons.put(pvName, text.toString());
        });
    return reasons;
  }

  private static String claimKey(String namespace, String name) {
    return namespace + "/" + name;
  }
}
