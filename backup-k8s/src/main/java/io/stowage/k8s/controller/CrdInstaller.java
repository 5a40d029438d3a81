package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code velero.io/v1} CustomResourceDefinitions the backup controller needs: Backup,
 * BackupStorageLocation ({@code bsl}) and VolumeSnapshotLocation ({@code vsl}). Each is served and
 * stored as {@code v1}, has the status subresource and a permissive schema ({@code
 * x-kubernetes-preserve-unknown-fields}), so every field Velero writes is kept.
 *
 * <p>The manifests are resources of this jar under {@value #RESOURCE_FOLDER}, for hosts that
 * install them with their own tooling ({@code kubectl apply -f}).
 */
public final class CrdInstaller {
  /** Where the YAML manifests live on the class path. */
  public static final String RESOURCE_FOLDER = "META-INF/stowage/crds/";

  /** File names of the manifests under {@link #RESOURCE_FOLDER}. */
  public static final List<String> MANIFESTS =
      List.of(
          "velero.io_backups.yaml",
          "velero.io_backupstoragelocations.yaml",
          "velero.io_volumesnapshotlocations.yaml");

  private static final int CONFLICT_RETRIES = 3;

  private CrdInstaller() {}

  /** The CRDs as shipped, freshly parsed (callers may change them). */
  public static List<CustomResourceDefinition> definitions(KubernetesClient client) {
    requireNonNull(client, "client is null");
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String manifest : MANIFESTS) {
      String path = RESOURCE_FOLDER + manifest;
      try (InputStream in = CrdInstaller.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("CRD manifest " + path + " is missing from the jar");
        }
        crds.add(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read CRD manifest " + path, e);
      }
    }
    return crds;
  }

  /**
   * Creates each CRD, or replaces the one already there (keeping nothing of it but its identity).
   * Idempotent: applying twice leaves the same definitions.
   *
   * @return the names of the CRDs applied
   * @throws BackupException ({@link StandardErrorCode#CLUSTER_FAILED}) when the API server refuses,
   *     for example for lack of permission on {@code customresourcedefinitions}
   */
  public static List<String> apply(KubernetesClient client) {
    List<String> names = new ArrayList<>();
    for (CustomResourceDefinition crd : definitions(client)) {
      names.add(applyOne(client, crd));
    }
    return names;
  }

  private static String applyOne(KubernetesClient client, CustomResourceDefinition crd) {
    String name = crd.getMetadata().getName();
    Resource<CustomResourceDefinition> resource =
        client.apiextensions().v1().customResourceDefinitions().withName(name);
    for (int attempt = 1; ; attempt++) {
      try {
        CustomResourceDefinition existing = resource.get();
        if (existing == null) {
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } else {
          crd.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
          client.apiextensions().v1().customResourceDefinitions().resource(crd).update();
        }
        return name;
      } catch (KubernetesClientException e) {
        // 409: created or changed between our read and our write; read again.
        if (e.getCode() == 409 && attempt < CONFLICT_RETRIES) {
          continue;
        }
        throw new BackupException(
            StandardErrorCode.CLUSTER_FAILED,
            "cannot apply CustomResourceDefinition "
                + name
                + ": "
                + e.getMessage()
                + (e.getCode() == 403
                    ? "; the user needs create, get and update on customresourcedefinitions"
                    : ""),
            e);
      }
    }
  }
}
