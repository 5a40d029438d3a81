package io.stowage.k8s.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Objects the integration tests seed, as generic resources (the embedded server files each under
 * the built-in or CRD type its apiVersion and kind name). Labels and annotations are added with
 * {@link #labelled} and {@link #annotated}.
 */
final class Seeds {
  static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";

  private Seeds() {}

  /** Any object: apiVersion, kind, namespace ({@code null} for cluster-scoped) and name. */
  static GenericKubernetesResource object(
      String apiVersion, String kind, String namespace, String name) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(apiVersion);
    object.setKind(kind);
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    object.setMetadata(metadata);
    return object;
  }

  /** An Active namespace. */
  static GenericKubernetesResource namespace(String name) {
    GenericKubernetesResource ns = object("v1", "Namespace", null, name);
    ns.setAdditionalProperty("status", Map.of("phase", "Active"));
    return ns;
  }

  /** A namespace in phase Terminating (without a deletionTimestamp, to isolate the phase rule). */
  static GenericKubernetesResource terminatingNamespace(String name) {
    GenericKubernetesResource ns = object("v1", "Namespace", null, name);
    ns.setAdditionalProperty("status", Map.of("phase", "Terminating"));
    return ns;
  }

  static GenericKubernetesResource configMap(String namespace, String name) {
    GenericKubernetesResource cm = object("v1", "ConfigMap", namespace, name);
    cm.setAdditionalProperty("data", Map.of("key", "value of " + name));
    return cm;
  }

  static GenericKubernetesResource secret(String namespace, String name) {
    GenericKubernetesResource secret = object("v1", "Secret", namespace, name);
    secret.setAdditionalProperty("type", "Opaque");
    secret.setAdditionalProperty("data", Map.of("password", "aHVudGVyMg=="));
    return secret;
  }

  static GenericKubernetesResource pod(String namespace, String name) {
    GenericKubernetesResource pod = object("v1", "Pod", namespace, name);
    pod.setAdditionalProperty(
        "spec", Map.of("containers", List.of(Map.of("name", "main", "image", "busybox"))));
    return pod;
  }

  static GenericKubernetesResource pvc(String namespace, String name, String volumeName) {
    GenericKubernetesResource pvc = object("v1", "PersistentVolumeClaim", namespace, name);
    pvc.setAdditionalProperty(
        "spec",
        Map.of(
            "accessModes",
            List.of("ReadWriteOnce"),
            "volumeName",
            volumeName,
            "resources",
            Map.of("requests", Map.of("storage", "1Gi"))));
    pvc.setAdditionalProperty("status", Map.of("phase", "Bound"));
    return pvc;
  }

  static GenericKubernetesResource pv(String name) {
    GenericKubernetesResource pv = object("v1", "PersistentVolume", null, name);
    pv.setAdditionalProperty(
        "spec",
        Map.of(
            "capacity",
            Map.of("storage", "1Gi"),
            "accessModes",
            List.of("ReadWriteOnce"),
            "hostPath",
            Map.of("path", "/data/" + name)));
    return pv;
  }

  static GenericKubernetesResource clusterRole(String name) {
    GenericKubernetesResource role =
        object("rbac.authorization.k8s.io/v1", "ClusterRole", null, name);
    role.setAdditionalProperty(
        "rules",
        List.of(
            Map.of(
                "apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get"))));
    return role;
  }

  static GenericKubernetesResource storageClass(String name) {
    GenericKubernetesResource sc = object("storage.k8s.io/v1", "StorageClass", null, name);
    sc.setAdditionalProperty("provisioner", "example.com/disk");
    return sc;
  }

  static GenericKubernetesResource deployment(String namespace, String name) {
    GenericKubernetesResource deploy = object("apps/v1", "Deployment", namespace, name);
    deploy.setAdditionalProperty("spec", Map.of("replicas", 1));
    return deploy;
  }

  static GenericKubernetesResource statefulSet(String namespace, String name) {
    return object("apps/v1", "StatefulSet", namespace, name);
  }

  static GenericKubernetesResource coreEvent(String namespace, String name) {
    GenericKubernetesResource event = object("v1", "Event", namespace, name);
    event.setAdditionalProperty("reason", "Started");
    event.setAdditionalProperty("involvedObject", Map.of("kind", "Pod", "name", "p"));
    return event;
  }

  static GenericKubernetesResource eventsApiEvent(String namespace, String name) {
    GenericKubernetesResource event = object("events.k8s.io/v1", "Event", namespace, name);
    event.setAdditionalProperty("reason", "Started");
    event.setAdditionalProperty("regarding", Map.of("kind", "Pod", "name", "p"));
    return event;
  }

  static GenericKubernetesResource volumeSnapshot(String namespace, String name) {
    return object("snapshot.storage.k8s.io/v1", "VolumeSnapshot", namespace, name);
  }

  static GenericKubernetesResource volumeSnapshotContent(String name) {
    return object("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, name);
  }

  /** A CRD {@code <plural>.<group>} served at v1 (storage version). */
  static CustomResourceDefinition crd(
      String group, String plural, String kind, boolean namespaced) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + "." + group)
        .endMetadata()
        .withNewSpec()
        .withGroup(group)
        .withScope(namespaced ? "Namespaced" : "Cluster")
        .withNewNames()
        .withPlural(plural)
        .withSingular(kind.toLowerCase(Locale.ROOT))
        .withKind(kind)
        .withListKind(kind + "List")
        .endNames()
        .addNewVersion()
        .withName("v1")
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
        .endSpec()
        .build();
  }

  /** Adds labels, given as key, value, key, value... */
  static <T extends HasMetadata> T labelled(T object, String... keyValues) {
    Map<String, String> labels =
        object.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(object.getMetadata().getLabels());
    labels.putAll(pairs(keyValues));
    object.getMetadata().setLabels(labels);
    return object;
  }

  /** Adds annotations, given as key, value, key, value... */
  static <T extends HasMetadata> T annotated(T object, String... keyValues) {
    Map<String, String> annotations =
        object.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(object.getMetadata().getAnnotations());
    annotations.putAll(pairs(keyValues));
    object.getMetadata().setAnnotations(annotations);
    return object;
  }

  /** Marks the object as being deleted: a finalizer holds it, a deletionTimestamp is set. */
  static <T extends HasMetadata> T beingDeleted(T object) {
    List<String> finalizers = new ArrayList<>();
    finalizers.add("example.com/hold");
    object.getMetadata().setFinalizers(finalizers);
    object.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    return object;
  }

  /** Labels the object {@code velero.io/exclude-from-backup=true}. */
  static <T extends HasMetadata> T excludedByLabel(T object) {
    return labelled(object, EXCLUDE_LABEL, "true");
  }

  private static Map<String, String> pairs(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key, value pairs expected");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
