package io.stowage.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.api.ProgressListener;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.core.run.StoreResolver;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndToEndBackupTest {
  private EmbeddedKubernetes k8s;
  private final InMemoryObjectBackupStore objects = new InMemoryObjectBackupStore();

  @BeforeEach
  void start() {
    k8s = new EmbeddedKubernetes().start();
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  @Test
  void backsUpANamespaceIntoVeleroLayout() throws IOException {
    k8s.seed(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
    for (int i = 0; i < 3; i++) {
      k8s.seed(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("cm-" + i)
              .withNamespace("shop")
              .endMetadata()
              .addToData("k", "v" + i)
              .build());
    }
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setNamespace("velero");
    backup.getSpec().setIncludedNamespaces(List.of("shop"));

    RunOutcome outcome = service().backup(backup, locations(), ProgressListener.NONE);

    assertThat(outcome.backup().getStatus().getValidationErrors()).isEmpty();
    assertThat(outcome.phase()).isEqualTo(BackupPhase.COMPLETED);
    BackupStore store = objects.forLocation("bucket", "");
    assertThat(store.listBackups()).containsExactly("nightly");
    List<String> entries = new ArrayList<>();
    try (InputStream in = store.get("nightly", BackupFile.CONTENTS);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        entries.add(entry.getName());
      }
    }
    assertThat(entries.get(0)).isEqualTo("metadata/version");
    assertThat(entries)
        .contains(
            "resources/configmaps/namespaces/shop/cm-0.json",
            "resources/configmaps/v1-preferredversion/namespaces/shop/cm-2.json",
            "resources/namespaces/cluster/shop.json");
    assertThat(outcome.backup().getStatus().getProgress().getItemsBackedUp()).isEqualTo(4);
  }

  private BackupService service() {
    Fabric8Cluster cluster = new Fabric8Cluster(k8s.client());
    return new BackupService(
        cluster,
        new BackupPreparer(PreparationDefaults.VELERO, Clock.systemUTC()),
        new BackupRunner(
            new KubernetesBackupper(cluster, List.of(), BackupperOptions.DEFAULTS),
            Clock.systemUTC(),
            null),
        new StoreResolver(
            PluginRegistry.of(List.of(new SharedStoreProvider(objects))), Optional.of(cluster)));
  }

  /** Hands out one store, so the test can read what the backup wrote. */
  private record SharedStoreProvider(ObjectBackupStore store) implements ObjectBackupStoreProvider {
    static final String NAME = "shared-memory";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ObjectBackupStore create(PluginContext context) {
      return store;
    }
  }

  private FixedLocationCatalog locations() {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName("default");
    location.getSpec().setProvider(SharedStoreProvider.NAME);
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket("bucket");
    location.getSpec().setObjectStorage(storage);
    return new FixedLocationCatalog(List.of(location), null);
  }
}
