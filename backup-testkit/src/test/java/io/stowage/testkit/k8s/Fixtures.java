package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresources;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.Map;

/** Objects the tests seed or create. */
final class Fixtures {

  private Fixtures() {}

  /**
   * A CRD in the style of Velero's: group {@code velero.io}, served versions v1 (storage) and
   * v2alpha1, status subresource on v1.
   */
  static CustomResourceDefinition crd(String plural, String kind, String scope) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + ".velero.io")
        .endMetadata()
        .withNewSpec()
        .withGroup("velero.io")
        .withScope(scope)
        .withNewNames()
        .withPlural(plural)
        .withSingular(kind.toLowerCase())
        .withKind(kind)
        .withListKind(kind + "List")
        .withShortNames(kind.substring(0, 2).toLowerCase())
        .withCategories("velero")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withSubresources(
            new CustomResourceSubresources(null, new CustomResourceSubresourceStatus()))
        .withNewSchema()
        .withOpenAPIV3Schema(
            new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .build())
        .endSchema()
        .endVersion()
        .addNewVersion()
        .withName("v2alpha1")
        .withServed(true)
        .withStorage(false)
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

  static GenericKubernetesResource backup(String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("velero.io/v1")
        .withKind("Backup")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("ttl", "720h0m0s")))
        .build();
  }

  static ConfigMap configMap(String namespace, String name, Map<String, String> labels) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .addToData("key", "value of " + name)
        .build();
  }
}
