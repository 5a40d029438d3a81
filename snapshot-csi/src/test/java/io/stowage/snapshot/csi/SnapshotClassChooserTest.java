package io.stowage.snapshot.csi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Velero's order of VolumeSnapshotClass choice (facts §6.11 step 5). */
class SnapshotClassChooserTest {
  private static final String DRIVER = "ebs.csi.aws.com";

  @Test
  void thePvcAnnotationWinsOverEverythingElse() {
    List<ObjectNode> classes =
        List.of(
            vsClass("labelled", DRIVER, true, false),
            vsClass("from-backup", DRIVER, false, false),
            vsClass("from-pvc", DRIVER, false, false));

    assertThat(
            chosen(
                classes,
                Map.of("velero.io/csi-volumesnapshot-class", "FROM-PVC"),
                Map.of("velero.io/csi-volumesnapshot-class_ebs.csi.aws.com", "from-backup")))
        .isEqualTo("from-pvc");
  }

  @Test
  void theBackupAnnotationForTheLowercasedDriverComesSecond() {
    List<ObjectNode> classes =
        List.of(
            vsClass("labelled", DRIVER, true, false), vsClass("from-backup", DRIVER, false, false));

    assertThat(
            chosen(
                classes,
                Map.of(),
                Map.of("velero.io/csi-volumesnapshot-class_ebs.csi.aws.com", "from-backup")))
        .isEqualTo("from-backup");
  }

  @Test
  void anAnnotationNamingAMissingOrForeignClassFallsBackWithANote() {
    List<ObjectNode> classes =
        List.of(
            vsClass("foreign", "other.csi", false, false),
            vsClass("labelled", DRIVER, true, false));

    SnapshotClassChooser.Choice choice =
        SnapshotClassChooser.choose(
            DRIVER,
            classes,
            "app/data",
            Map.of("velero.io/csi-volumesnapshot-class", "foreign"),
            "nightly",
            Map.of("velero.io/csi-volumesnapshot-class_ebs.csi.aws.com", "ghost"));

    assertThat(choice.chosen()).map(SnapshotClassChooser::name).contains("labelled");
    assertThat(choice.notes())
        .containsExactly(
            "Incorrect VolumeSnapshotClass foreign is not for driver ebs.csi.aws.com",
            "No CSI VolumeSnapshotClass found with name ghost for driver ebs.csi.aws.com for"
                + " backup nightly");
  }

  @Test
  void theFirstLabelledClassOfTheDriverBeatsTheDefaultAnnotation() {
    List<ObjectNode> classes =
        List.of(
            vsClass("a-default", DRIVER, false, true),
            vsClass("b-labelled", DRIVER, true, false),
            vsClass("c-labelled", DRIVER, true, false),
            vsClass("other-labelled", "other.csi", true, false));

    assertThat(chosen(classes, Map.of(), Map.of())).isEqualTo("b-labelled");
  }

  @Test
  void theDefaultAnnotationCountsByPresenceOnly() {
    ObjectNode defaultFalse = vsClass("b-default", DRIVER, false, false);
    ((ObjectNode) defaultFalse.path("metadata"))
        .putObject("annotations")
        .put("snapshot.storage.kubernetes.io/is-default-class", "false");
    List<ObjectNode> classes = List.of(vsClass("a-plain", DRIVER, false, false), defaultFalse);

    assertThat(chosen(classes, Map.of(), Map.of())).isEqualTo("b-default");
  }

  @Test
  void theOnlyClassOfTheDriverIsTakenWithoutMarks() {
    List<ObjectNode> classes =
        List.of(vsClass("other", "other.csi", true, true), vsClass("only", DRIVER, false, false));

    assertThat(chosen(classes, Map.of(), Map.of())).isEqualTo("only");
  }

  @Test
  void severalUnmarkedClassesOrNoneOfTheDriverIsNoChoice() {
    List<ObjectNode> two =
        List.of(vsClass("a", DRIVER, false, false), vsClass("b", DRIVER, false, false));
    List<ObjectNode> foreign = List.of(vsClass("other", "other.csi", true, true));

    assertThat(
            SnapshotClassChooser.choose(DRIVER, two, "app/data", Map.of(), "n", Map.of()).chosen())
        .isEmpty();
    assertThat(
            SnapshotClassChooser.choose(DRIVER, foreign, "app/data", Map.of(), "n", Map.of())
                .chosen())
        .isEmpty();
    assertThat(SnapshotClassChooser.Choice.failure(DRIVER))
        .isEqualTo(
            "failed to get VolumeSnapshotClass for provisioner ebs.csi.aws.com: ensure that the"
                + " desired VolumeSnapshotClass has the velero.io/csi-volumesnapshot-class label"
                + " or snapshot.storage.kubernetes.io/is-default-class annotation, and that its"
                + " driver matches the StorageClass provisioner");
  }

  @Test
  void labelAndDefaultSearchesCompareTheDriverExactly() {
    List<ObjectNode> classes = List.of(vsClass("upper", "EBS.csi.aws.com", true, false));

    assertThat(
            SnapshotClassChooser.choose(DRIVER, classes, "app/data", Map.of(), "n", Map.of())
                .chosen())
        .isEmpty();
  }

  private static String chosen(
      List<ObjectNode> classes, Map<String, String> pvc, Map<String, String> backup) {
    return SnapshotClassChooser.choose(DRIVER, classes, "app/data", pvc, "nightly", backup)
        .chosen()
        .map(SnapshotClassChooser::name)
        .orElse("<none>");
  }

  private static ObjectNode vsClass(
      String name, String driver, boolean labelled, boolean defaultAnnotation) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("apiVersion", "snapshot.storage.k8s.io/v1");
    c.put("kind", "VolumeSnapshotClass");
    ObjectNode metadata = c.putObject("metadata");
    metadata.put("name", name);
    if (labelled) {
      metadata.putObject("labels").put("velero.io/csi-volumesnapshot-class", "");
    }
    if (defaultAnnotation) {
      metadata
          .putObject("annotations")
          .put("snapshot.storage.kubernetes.io/is-default-class", "true");
    }
    c.put("driver", driver);
    c.put("deletionPolicy", "Delete");
    return c;
  }
}
