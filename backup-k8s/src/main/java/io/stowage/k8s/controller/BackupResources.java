package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.VeleroJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code backups.velero.io} in one namespace with JSON merge patches.
 *
 * <p>Writes that pass a resourceVersion are conditional: a stale one makes the API server answer
 * 409, thrown as a {@link BackupException} with {@link StandardErrorCode#CONFLICT}. Status goes to
 * the {@code status} subresource; on a cluster whose Backup CRD has none (Velero's own CRDs), it
 * falls back to patching the object itself, once and from then on.
 */
final class BackupResources {
  static final ResourceDefinitionContext BACKUPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withPlural("backups")
          .withKind("Backup")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final String namespace;
  private volatile boolean statusSubresource = true;

  BackupResources(KubernetesClient client, String namespace) {
    this.client = requireNonNull(client, "client is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
  }

  String namespace() {
    return namespace;
  }

  KubernetesClient client() {
    return client;
  }

  NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      operations() {
    return client.genericKubernetesResources(BACKUPS).inNamespace(namespace);
  }

  /** The Backup as stored now, or empty when it is gone. */
  Optional<GenericKubernetesResource> get(String name) {
    return call("get", name, () -> Optional.ofNullable(operations().withName(name).get()));
  }

  /** Every Backup in the namespace. */
  List<GenericKubernetesResource> list() {
    return call("list", "", () -> operations().list().getItems());
  }

  /**
   * The Backup in Velero's model.
   *
   * @throws BackupException ({@link StandardErrorCode#INVALID_ARGUMENT}) when it does not fit the
   *     model, for example an unknown phase or a malformed duration
   */
  Backup toBackup(GenericKubernetesResource resource) {
    return VeleroJson.readBackup(client.getKubernetesSerialization().asJson(resource));
  }

  /**
   * Writes the prepared spec, labels and annotations, on the condition that the Backup is still at
   * {@code resourceVersion}.
   */
  GenericKubernetesResource patchMetadataAndSpec(
      String name, String resourceVersion, Backup prepared) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("resourceVersion", requireNonNull(resourceVersion, "resourceVersion is null"));
    metadata.set("labels", stringMap(prepared.getMetadata().getLabels()));
    metadata.set("annotations", stringMap(prepared.getMetadata().getAnnotations()));
    patch.set("spec", VeleroJson.toTree(prepared.getSpec()));
    return patch(name, false, patch);
  }

  /**
   * Merges {@code status} into the Backup's status; conditional when {@code resourceVersion} is not
   * null.
   */
  GenericKubernetesResource patchStatus(String name, String resourceVersion, BackupStatus status) {
    return patchStatus(name, resourceVersion, (ObjectNode) VeleroJson.toTree(status));
  }

  /** As {@link #patchStatus(String, String, BackupStatus)} with the status as a JSON object. */
  GenericKubernetesResource patchStatus(String name, String resourceVersion, ObjectNode status) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    if (resourceVersion != null) {
      patch.putObject("metadata").put("resourceVersion", resourceVersion);
    }
    patch.set("status", status);
    if (statusSubresource) {
      try {
        return patch(name, true, patch);
      } catch (BackupException e) {
        if (e.errorCode() != StandardErrorCode.NOT_FOUND || get(name).isEmpty()) {
          throw e;
        }
        // The object exists but its status subresource does not: status is part of the object.
        statusSubresource = false;
      }
    }
    return patch(name, false, patch);
  }

  private GenericKubernetesResource patch(String name, boolean status, ObjectNode patch) {
    String body = VeleroJson.mapper().writeValueAsString(patch);
    PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
    return call(
        status ? "patch status of" : "patch",
        name,
        () -> {
          // Through resource(stub): withName(name) would GET the object before every patch.
          Resource<GenericKubernetesResource> resource = operations().resource(stub(name));
          return status
              ? resource.subresource("status").patch(merge, body)
              : resource.patch(merge, body);
        });
  }

  private GenericKubernetesResource stub(String name) {
    GenericKubernetesResource stub = new GenericKubernetesResource();
    stub.setApiVersion(BACKUPS.getGroup() + "/" + BACKUPS.getVersion());
    stub.setKind(BACKUPS.getKind());
    stub.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    return stub;
  }

  private static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (map != null) {
      map.forEach(node::put);
    }
    return node;
  }

  private interface Call<T> {
    T run();
  }

  private <T> T call(String verb, String name, Call<T> call) {
    try {
      return call.run();
    } catch (KubernetesClientException e) {
      String what = "cannot " + verb + " Backup " + namespace + "/" + name + ": ";
      StandardErrorCode code =
          switch (e.getCode()) {
            case 409 -> StandardErrorCode.CONFLICT;
            case 404 -> StandardErrorCode.NOT_FOUND;
            default -> StandardErrorCode.CLUSTER_FAILED;
          };
      throw new BackupException(code, what + e.getMessage(), e);
    }
  }
}
