package io.stowage.snapshot.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.BackupLog;
import io.stowage.api.GroupResource;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.velero.v1.Backup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The actions' behaviour that needs no cluster. */
class ActionUnitTest {
  private final List<String> logged = new ArrayList<>();
  private final Backup backup = new Backup();
  private final ActionContext context =
      new ActionContext() {
        @Override
        public Backup backup() {
          return backup;
        }

        @Override
        public BackupLog log() {
          return (level, item, message, error) -> logged.add(level + " " + message);
        }
      };

  ActionUnitTest() {
    backup.getMetadata().setName("nightly");
  }

  @Test
  void aPvcWithoutStorageClassFailsWithVelerosMessage() {
    BackupItem pvc = pvc(JsonNodeFactory.instance.objectNode());

    assertThatThrownBy(() -> new PvcSnapshotAction(Optional.empty()).execute(pvc, context))
        .isInstanceOf(BackupException.class)
        .hasMessage("Cannot snapshot PVC app/data, PVC has no storage class.")
        .extracting(e -> ((BackupException) e).errorCode())
        .isEqualTo(CsiErrorCode.NO_STORAGE_CLASS);
  }

  @Test
  void withoutClusterAccessThePvcFailsNamingIt() {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("storageClassName", "fast");

    assertThatThrownBy(() -> new PvcSnapshotAction(Optional.empty()).execute(pvc(spec), context))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("velero.io/csi-pvc-backupper on PVC app/data")
        .hasMessageContaining("no cluster access");
  }

  @Test
  void aClusterThatServesNoSnapshotClassesFailsThePvcSayingWhatIsMissing() {
    ObjectNode spec =
        JsonNodeFactory.instance
            .objectNode()
            .put("storageClassName", "fast")
            .put("volumeName", "pv-1");
    BackupItem pvc = pvc(spec);
    pvc.body().putObject("status").put("phase", "Bound");
    ObjectNode pv = JsonNodeFactory.instance.objectNode();
    pv.putObject("metadata").put("name", "pv-1");
    pv.putObject("spec").putObject("csi").put("driver", "d").put("volumeHandle", "h");
    ObjectNode storageClass = JsonNodeFactory.instance.objectNode().put("provisioner", "d");
    ClusterAccess cluster =
        new ClusterAccess() {
          @Override
          public Optional<ObjectNode> get(ResourceIdentifier id) {
            return Optional.of(id.groupResource().equals(CsiNames.PVS) ? pv : storageClass);
          }

          @Override
          public List<ObjectNode> list(GroupResource resource, String namespace, String selector) {
            throw new BackupException(
                StandardErrorCode.NOT_FOUND,
                "the server doesn't have a resource type \"" + resource + "\"");
          }

          @Override
          public ObjectNode create(GroupResource resource, ObjectNode object) {
            throw new AssertionError("nothing is created");
          }

          @Override
          public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
            throw new AssertionError("nothing is patched");
          }

          @Override
          public void delete(ResourceIdentifier id) {
            throw new AssertionError("nothing is deleted");
          }
        };

    assertThatThrownBy(() -> new PvcSnapshotAction(Optional.of(cluster)).execute(pvc, context))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith(
            "Cannot snapshot PVC app/data: error listing VolumeSnapshotClasses: the server doesn't"
                + " have a resource type \"volumesnapshotclasses.snapshot.storage.k8s.io\"")
        .hasMessageEndingWith("install them, or set snapshotVolumes to false");
  }

  @Test
  void snapshotVolumesFalseLeavesThePvcAlone() {
    backup.getSpec().setSnapshotVolumes(false);
    BackupItem pvc = pvc(JsonNodeFactory.instance.objectNode());
    String before = pvc.body().toString();

    ActionResult result = new PvcSnapshotAction(Optional.empty()).execute(pvc, context);

    assertThat(result.additionalItems()).isEmpty();
    assertThat(result.item().body().toString()).isEqualTo(before);
  }

  @Test
  void aContentWithADeletionSecretAddsItAsMustInclude() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("metadata")
        .put("name", "snapcontent-1")
        .putObject("annotations")
        .put("csi.storage.k8s.io/snapshotter-secret-name", "creds")
        .put("csi.storage.k8s.io/snapshotter-secret-namespace", "kube-system");
    BackupItem content =
        new BackupItem(
            new ItemIdentity(
                "snapshot.storage.k8s.io", "v1", "volumesnapshotcontents", "", "snapcontent-1"),
            body);

    ActionResult result = new VolumeSnapshotContentAction().execute(content, context);

    assertThat(result.additionalItems())
        .containsExactly(new ResourceIdentifier(CsiNames.SECRETS, "kube-system", "creds"));
    assertThat(result.item().annotations()).containsEntry(CsiNames.MUST_INCLUDE_ANNOTATION, "true");
  }

  @Test
  void aClassWithoutBothListerAnnotationsAddsNothing() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("metadata")
        .put("name", "c")
        .putObject("annotations")
        .put("csi.storage.k8s.io/snapshotter-list-secret-name", "creds");
    BackupItem vsClass =
        new BackupItem(
            new ItemIdentity("snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", "", "c"),
            body);

    ActionResult result = new VolumeSnapshotClassAction().execute(vsClass, context);

    assertThat(result.additionalItems()).isEmpty();
    assertThat(result.item().annotations()).doesNotContainKey(CsiNames.MUST_INCLUDE_ANNOTATION);
  }

  @Test
  void snapshotAnnotationsCarryWhatVeleroRestoreReads() {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.putObject("spec").put("deletionPolicy", "Retain").put("driver", "ebs.csi.aws.com");
    content
        .putObject("status")
        .put("snapshotHandle", "snap-0abc")
        .put("restoreSize", 10L << 30)
        .put("volumeGroupSnapshotHandle", "group-1");

    assertThat(VolumeSnapshotAction.annotationsFor(content))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "velero.io/csi-vsc-deletion-policy", "Retain",
                "velero.io/csi-volumesnapshot-handle", "snap-0abc",
                "velero.io/csi-driver-name", "ebs.csi.aws.com",
                "velero.io/csi-volumesnapshot-restore-size", "10Gi",
                "velero.io/csi-volumegroupsnapshot-handle", "group-1"));
  }

  @Test
  void aContentWithoutHandleGetsOnlyItsDeletionPolicy() {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.putObject("spec").put("deletionPolicy", "Delete").put("driver", "d");

    assertThat(VolumeSnapshotAction.annotationsFor(content))
        .containsExactlyEntriesOf(Map.of("velero.io/csi-vsc-deletion-policy", "Delete"));
  }

  @Test
  void pollingIsFiveSecondsAtMostAndFasterForShortTimeouts() {
    assertThat(SnapshotWaiter.interval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(5));
    assertThat(SnapshotWaiter.interval(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(100));
    assertThat(SnapshotWaiter.interval(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(50));
  }

  private static BackupItem pvc(ObjectNode spec) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
    body.putObject("metadata").put("name", "data").put("namespace", "app");
    body.set("spec", spec);
    return new BackupItem(
        new ItemIdentity("", "v1", "persistentvolumeclaims", "app", "data"), body);
  }
}
