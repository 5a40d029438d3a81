package io.stowage.snapshot.csi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpecBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.stowage.testkit.csi.SnapshotCrds;
import java.util.List;
import java.util.Map;

/** The objects of a pod with a CSI volume, for seeding an embedded cluster. */
final class CsiCluster {
  static final String NAMESPACE = "app";
  static final String DRIVER = "hostpath.csi.k8s.io";
  static final String STORAGE_CLASS = "csi-hostpath-sc";
  static final String SNAPSHOT_CLASS = "csi-hostpath-snapclass";

  private CsiCluster() {}

  /**
   * Namespace {@code app}, StorageClass {@link #STORAGE_CLASS} of {@link #DRIVER}, PV {@code
   * pv-<claim>} (a CSI volume of 2Gi, or an NFS one when {@code csi} is false), a Bound PVC {@code
   * <claim>} requesting 1Gi, and pod {@code web} mounting it.
   */
  static List<HasMetadata> podWithVolume(String claim, boolean csi) {
    PersistentVolumeSpecBuilder pvSpec =
        new PersistentVolumeSpecBuilder()
            .addToCapacity("storage", new Quantity("2Gi"))
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(STORAGE_CLASS)
            .withNewClaimRef()
            .withNamespace(NAMESPACE)
            .withName(claim)
            .endClaimRef();
    if (csi) {
      pvSpec.withNewCsi().withDriver(DRIVER).withVolumeHandle("vol-" + claim).endCsi();
    } else {
      pvSpec.withNewNfs().withServer("nfs.example.com").withPath("/exports/" + claim).endNfs();
    }
    return List.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build(),
        new StorageClassBuilder()
            .withNewMetadata()
            .withName(STORAGE_CLASS)
            .endMetadata()
            .withProvisioner(DRIVER)
            .build(),
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName("pv-" + claim)
            .endMetadata()
            .withSpec(pvSpec.build())
            .withNewStatus()
            .withPhase("Bound")
            .endStatus()
            .build(),
        claim(claim, Map.of()),
        new PodBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("nginx")
            .endContainer()
            .addNewVolume()
            .withName("data")
            .withNewPersistentVolumeClaim()
            .withClaimName(claim)
            .endPersistentVolumeClaim()
            .endVolume()
            .endSpec()
            .build());
  }

  /** A Bound PVC {@code name} in {@code app} on {@code pv-<name>}, requesting 1Gi. */
  static PersistentVolumeClaim claim(String name, Map<String, String> labels) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(STORAGE_CLASS)
        .withVolumeName("pv-" + name)
        .withNewResources()
        .addToRequests("storage", new Quantity("1Gi"))
        .endResources()
        .endSpec()
        .withNewStatus()
        .withPhase("Bound")
        .endStatus()
        .build();
  }

  /** A VolumeSnapshotClass with {@code deletionPolicy: Delete}. */
  static GenericKubernetesResource snapshotClass(String name, String driver) {
    GenericKubernetesResource snapshotClass = new GenericKubernetesResource();
    snapshotClass.setApiVersion(SnapshotCrds.API_VERSION);
    snapshotClass.setKind("VolumeSnapshotClass");
    snapshotClass.setMetadata(new ObjectMeta());
    snapshotClass.getMetadata().setName(name);
    snapshotClass.setAdditionalProperty("driver", driver);
    snapshotClass.setAdditionalProperty("deletionPolicy", "Delete");
    return snapshotClass;
  }
}
