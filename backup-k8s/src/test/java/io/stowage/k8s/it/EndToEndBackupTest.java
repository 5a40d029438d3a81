package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.it.BackupFixture.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole path once: Fabric8Cluster over the embedded API server, BackupService (prepare,
 * KubernetesBackupper, BackupRunner, BackupStore.putBackup) into an object store.
 */
class EndToEndBackupTest extends ClusterTestBase {

  @Test
  void backsUpANamespaceIntoVeleroLayout() {
    fixture.seed(namespace("shop"));
    for (int i = 0; i < 3; i++) {
      fixture.seed(configMap("shop", "cm-" + i));
    }

    Run run = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("shop")));

    assertThat(run.status().getValidationErrors()).isEmpty();
    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(fixture.store().listBackups()).containsExactly("nightly");
    assertThat(run.entryNames().get(0)).isEqualTo("metadata/version");
    assertThat(run.entryNames())
        .contains(
            "resources/configmaps/namespaces/shop/cm-0.json",
            "resources/configmaps/v1-preferredversion/namespaces/shop/cm-2.json",
            "resources/namespaces/cluster/shop.json");
    assertThat(run.status().getProgress().getItemsBackedUp()).isEqualTo(4);
  }
}
