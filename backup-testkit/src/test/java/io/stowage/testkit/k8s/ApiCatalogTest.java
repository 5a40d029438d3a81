package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiCatalogTest {

  @Test
  void versionsOrderGaBeforeBetaBeforeAlpha() {
    List<String> versions =
        new ArrayList<>(List.of("v1alpha1", "v2beta1", "v1", "v1beta2", "foo", "v2"));

    versions.sort(KubeVersions.BY_PRIORITY);

    assertThat(versions).containsExactly("v2", "v1", "v2beta1", "v1beta2", "v1alpha1", "foo");
  }

  @Test
  void crdStorageVersionIsPreferredAndUnservedVersionsAreHidden() {
    CustomResourceDefinition crd = Fixtures.crd("schedules", "Schedule", "Cluster");
    crd.getSpec().getVersions().get(0).setStorage(false);
    crd.getSpec().getVersions().get(1).setStorage(true);
    CustomResourceDefinition other = Fixtures.crd("restores", "Restore", "Namespaced");
    other.getSpec().getVersions().get(1).setServed(false);

    ApiCatalog catalog = ApiCatalog.of(BuiltinResources.ALL, List.of(crd));
    ApiCatalog second = ApiCatalog.of(BuiltinResources.ALL, List.of(other));

    assertThat(catalog.group("velero.io").orElseThrow().preferredVersion()).isEqualTo("v2alpha1");
    assertThat(catalog.group("velero.io").orElseThrow().versions())
        .containsExactly("v1", "v2alpha1");
    assertThat(catalog.byPlural("velero.io", "v1", "schedules").orElseThrow().namespaced())
        .isFalse();
    assertThat(second.group("velero.io").orElseThrow().versions()).containsExactly("v1");
  }

  @Test
  void crdOverridesBuiltInResourceOfSameName() {
    CustomResourceDefinition snapshots =
        Fixtures.crd("volumesnapshots", "VolumeSnapshot", "Namespaced");
    snapshots.getSpec().setGroup("snapshot.storage.k8s.io");

    ApiCatalog catalog = ApiCatalog.of(BuiltinResources.ALL, List.of(snapshots));

    assertThat(catalog.resources("snapshot.storage.k8s.io/v1").orElseThrow())
        .filteredOn(t -> t.plural().equals("volumesnapshots"))
        .singleElement()
        .satisfies(t -> assertThat(t.categories()).containsExactly("velero"));
    assertThat(catalog.group("snapshot.storage.k8s.io").orElseThrow().preferredVersion())
        .isEqualTo("v1");
  }
}
