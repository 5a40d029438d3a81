package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CrdInstallerTest {
  @Test
  void appliesVelerosCrdsIdempotently() {
    try (EmbeddedKubernetes k8s = new EmbeddedKubernetes().start()) {
      KubernetesClient client = k8s.client();

      List<String> first = CrdInstaller.apply(client);
      List<String> second = CrdInstaller.apply(client);

      assertThat(first)
          .isEqualTo(second)
          .containsExactly(
              "backups.velero.io",
              "backupstoragelocations.velero.io",
              "volumesnapshotlocations.velero.io");
      assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
          .hasSize(3);
      Map<String, APIResource> discovered =
          client.getApiResources("velero.io/v1").getResources().stream()
              .collect(Collectors.toMap(APIResource::getName, r -> r));
      assertThat(discovered)
          .containsKeys(
              "backups",
              "backups/status",
              "backupstoragelocations",
              "backupstoragelocations/status",
              "volumesnapshotlocations");
      assertThat(discovered.get("backupstoragelocations").getShortNames()).containsExactly("bsl");
      assertThat(discovered.get("volumesnapshotlocations").getShortNames()).containsExactly("vsl");
    }
  }

  @Test
  void theManifestsArePermissiveV1WithTheStatusSubresource() {
    try (EmbeddedKubernetes k8s = new EmbeddedKubernetes().start()) {
      for (CustomResourceDefinition crd : CrdInstaller.definitions(k8s.client())) {
        assertThat(crd.getSpec().getGroup()).isEqualTo("velero.io");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        assertThat(version.getName()).isEqualTo("v1");
        assertThat(version.getServed()).isTrue();
        assertThat(version.getStorage()).isTrue();
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getSchema().getOpenAPIV3Schema().getXKubernetesPreserveUnknownFields())
            .isTrue();
      }
    }
  }
}
