package io.stowage.testkit.csi;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourcesBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.util.List;

/**
 * The three {@code snapshot.storage.k8s.io/v1} CustomResourceDefinitions of the Kubernetes CSI
 * snapshot API: VolumeSnapshot (namespaced), VolumeSnapshotContent and VolumeSnapshotClass
 * (cluster-scoped), with the names, short names and scopes of the upstream CRDs. VolumeSnapshot and
 * VolumeSnapshotContent declare the {@code status} subresource, so a write to the main resource
 * leaves {@code status} alone and {@code status} is written through {@code .../status}, as on a
 * real cluster. The schemas keep unknown fields instead of repeating upstream's validation (the
 * embedded server does not validate anyway).
 *
 * <p>The embedded server's discovery lists these three types among its built-ins even without the
 * CRDs, so a list of them answers empty rather than 404; only with the CRDs installed is {@code
 * status} a subresource.
 */
public final class SnapshotCrds {
  /** {@code snapshot.storage.k8s.io}. */
  public static final String GROUP = "snapshot.storage.k8s.io";

  /** {@code v1}. */
  public static final String VERSION = "v1";

  /** {@code snapshot.storage.k8s.io/v1}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** VolumeSnapshot: namespaced, status subresource. */
  public static final ResourceDefinitionContext VOLUME_SNAPSHOTS =
      context("volumesnapshots", "VolumeSnapshot", true);

  /** VolumeSnapshotContent: cluster-scoped, status subresource. */
  public static final ResourceDefinitionContext VOLUME_SNAPSHOT_CONTENTS =
      context("volumesnapshotcontents", "VolumeSnapshotContent", false);

  /** VolumeSnapshotClass: cluster-scoped, no status. */
  public static final ResourceDefinitionContext VOLUME_SNAPSHOT_CLASSES =
      context("volumesnapshotclasses", "VolumeSnapshotClass", false);

  private SnapshotCrds() {}

  /** The three CRDs: VolumeSnapshotClass, VolumeSnapshotContent, VolumeSnapshot. */
  public static List<CustomResourceDefinition> all() {
    return List.of(
        crd(
            "volumesnapshotclasses",
            "volumesnapshotclass",
            "VolumeSnapshotClass",
            "Cluster",
            List.of("vsclass", "vsclasses"),
            false),
        crd(
            "volumesnapshotcontents",
            "volumesnapshotcontent",
            "VolumeSnapshotContent",
            "Cluster",
            List.of("vsc", "vscs"),
            true),
        crd(
            "volumesnapshots",
            "volumesnapshot",
            "VolumeSnapshot",
            "Namespaced",
            List.of("vs"),
            true));
  }

  /**
   * Seeds the three CRDs into {@code k8s}; discovery serves the types from then on.
   *
   * @return {@code k8s}
   */
  public static EmbeddedKubernetes install(EmbeddedKubernetes k8s) {
    return k8s.seed(all());
  }

  private static CustomResourceDefinition crd(
      String plural,
      String singular,
      String kind,
      String scope,
      List<String> shortNames,
      boolean status) {
    CustomResourceDefinitionBuilder builder =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(plural + "." + GROUP)
            .endMetadata()
            .withNewSpec()
            .withGroup(GROUP)
            .withScope(scope)
            .withNewNames()
            .withPlural(plural)
            .withSingular(singular)
            .withKind(kind)
            .withListKind(kind + "List")
            .withShortNames(shortNames)
            .endNames()
            .addNewVersion()
            .withName(VERSION)
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withOpenAPIV3Schema(
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .withXKubernetesPreserveUnknownFields(true)
                    .build())
            .endSchema()
            .endVersion()
            .endSpec();
    CustomResourceDefinition crd = builder.build();
    if (status) {
      crd.getSpec()
          .getVersions()
          .get(0)
          .setSubresources(
              new CustomResourceSubresourcesBuilder().withNewStatus().endStatus().build());
    }
    return crd;
  }

  private static ResourceDefinitionContext context(String plural, String kind, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(VERSION)
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }
}
