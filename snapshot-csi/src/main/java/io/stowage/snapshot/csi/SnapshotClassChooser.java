package io.stowage.snapshot.csi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's choice of a VolumeSnapshotClass for a CSI driver ({@code csi.GetVolumeSnapshotClass},
 * velero-facts §6.11 step 5), over the classes listed from the cluster in list order:
 *
 * <ol>
 *   <li>the class named by the PVC annotation {@code velero.io/csi-volumesnapshot-class};
 *   <li>the class named by the Backup annotation {@code velero.io/csi-volumesnapshot-class_<driver
 *       lowercased>};
 *   <li>the first class of the driver labelled {@code velero.io/csi-volumesnapshot-class};
 *   <li>the first class of the driver annotated {@code
 *       snapshot.storage.kubernetes.io/is-default-class} (presence only);
 *   <li>the only class of the driver, when there is exactly one.
 * </ol>
 *
 * <p>Names in the two annotations are matched case-insensitively, and so is the named class's
 * driver; steps 3 to 5 compare drivers exactly. As in Velero's code (the fact sheet calls it an
 * error), an annotation naming a class that does not exist or belongs to another driver does not
 * fail the choice: the reason is returned as a note and the next step is tried.
 */
final class SnapshotClassChooser {
  private SnapshotClassChooser() {}

  /**
   * What the choice found.
   *
   * @param chosen the class, or empty when none fits (then {@link #failure} says why)
   * @param notes why an annotation was not followed, for the log
   */
  record Choice(Optional<ObjectNode> chosen, List<String> notes) {
    Choice {
      notes = List.copyOf(notes);
    }

    /** Velero's message for a failed choice. */
    static String failure(String driver) {
      return "failed to get VolumeSnapshotClass for provisioner "
          + driver
          + ": ensure that the desired VolumeSnapshotClass has the "
          + CsiNames.CLASS_SELECTOR_LABEL
          + " label or "
          + CsiNames.DEFAULT_CLASS_ANNOTATION
          + " annotation, and that its driver matches the StorageClass provisioner";
    }
  }

  /**
   * @param driver the StorageClass provisioner
   * @param classes every VolumeSnapshotClass, in list order
   * @param pvcName {@code <namespace>/<name>} of the PVC, for notes
   * @param pvcAnnotations the PVC's annotations
   * @param backupName the Backup's name, for notes
   * @param backupAnnotations the Backup's annotations
   */
  static Choice choose(
      String driver,
      List<ObjectNode> classes,
      String pvcName,
      Map<String, String> pvcAnnotations,
      String backupName,
      Map<String, String> backupAnnotations) {
    List<String> notes = new ArrayList<>();
    String fromPvc = pvcAnnotations.get(CsiNames.CLASS_ANNOTATION);
    if (fromPvc != null) {
      Optional<ObjectNode> named = named(classes, fromPvc);
      if (named.isEmpty()) {
        notes.add(
            "No CSI VolumeSnapshotClass found with name "
                + fromPvc
                + " for provisioner "
                + driver
                + " for PVC "
                + pvcName);
      } else if (!driver(named.get()).equalsIgnoreCase(driver)) {
        notes.add("Incorrect VolumeSnapshotClass " + fromPvc + " is not for driver " + driver);
      } else {
        return new Choice(named, notes);
      }
    }
    String fromBackup =
        backupAnnotations.get(CsiNames.CLASS_ANNOTATION + "_" + driver.toLowerCase(Locale.ROOT));
    if (fromBackup != null) {
      Optional<ObjectNode> named = named(classes, fromBackup);
      if (named.isEmpty()) {
        notes.add(
            "No CSI VolumeSnapshotClass found with name "
                + fromBackup
                + " for driver "
                + driver
                + " for backup "
                + backupName);
      } else if (!driver(named.get()).equalsIgnoreCase(driver)) {
        notes.add(
            "Incorrect VolumeSnapshotClass "
                + fromBackup
                + " is not for driver "
                + driver
                + " for backup "
                + backupName);
      } else {
        return new Choice(named, notes);
      }
    }
    List<ObjectNode> ofDriver = classes.stream().filter(c -> driver(c).equals(driver)).toList();
    for (ObjectNode c : ofDriver) {
      if (c.path("metadata").path("labels").has(CsiNames.CLASS_SELECTOR_LABEL)) {
        return new Choice(Optional.of(c), notes);
      }
    }
    for (ObjectNode c : ofDriver) {
      if (c.path("metadata").path("annotations").has(CsiNames.DEFAULT_CLASS_ANNOTATION)) {
        return new Choice(Optional.of(c), notes);
      }
    }
    if (ofDriver.size() == 1) {
      return new Choice(Optional.of(ofDriver.get(0)), notes);
    }
    return new Choice(Optional.empty(), notes);
  }

  private static Optional<ObjectNode> named(List<ObjectNode> classes, String name) {
    return classes.stream().filter(c -> name(c).equalsIgnoreCase(name)).findFirst();
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }

  private static String driver(JsonNode snapshotClass) {
    return snapshotClass.path("driver").asString("");
  }
}
