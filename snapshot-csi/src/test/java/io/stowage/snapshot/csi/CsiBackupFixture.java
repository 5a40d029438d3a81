package io.stowage.snapshot.csi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.stowage.api.ProgressListener;
import io.stowage.api.spi.PluginProvider;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.testkit.csi.SnapshotCrds;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import io.stowage.testkit.store.SharedStoreProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real backup on an {@link EmbeddedKubernetes} with the CSI snapshot CRDs: {@link
 * BackupServices#standard} with every item action on the class path (the built-in ones and this
 * module's, found by {@link java.util.ServiceLoader}) into an in-memory store, and what it stored,
 * read back.
 */
final class CsiBackupFixture implements AutoCloseable {
  static final String BUCKET = "bucket";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EmbeddedKubernetes k8s;
  private InMemoryObjectBackupStore objects = new InMemoryObjectBackupStore();

  CsiBackupFixture() {
    k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
  }

  EmbeddedKubernetes k8s() {
    return k8s;
  }

  /** Empties cluster and store, then installs the snapshot CRDs. */
  void reset() {
    k8s.reset();
    SnapshotCrds.install(k8s);
    objects = new InMemoryObjectBackupStore();
  }

  /** The VolumeSnapshots in the cluster now. */
  List<GenericKubernetesResource> volumeSnapshots() {
    return k8s.client()
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
        .inAnyNamespace()
        .list()
        .getItems();
  }

  /**
   * Backs up namespace {@code app} as backup {@code nightly}, with the spec changed by {@code
   * spec}.
   */
  Stored backup(Consumer<Backup> change) {
    Backup backup = new Backup();
    backup.getMetadata().setName("nightly");
    backup.getMetadata().setNamespace("velero");
    BackupSpec spec = backup.getSpec();
    spec.setIncludedNamespaces(List.of(CsiCluster.NAMESPACE));
    change.accept(backup);
    List<PluginProvider<?>> providers = new ArrayList<>(PluginRegistry.load().actions());
    providers.add(new SharedStoreProvider(objects));
    BackupService service =
        BackupServices.standard(
            new Fabric8Cluster(k8s.client()),
            PluginRegistry.of(providers),
            PreparationDefaults.VELERO,
            BackupperOptions.DEFAULTS,
            null);
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName("default");
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider(SharedStoreProvider.NAME);
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    RunOutcome outcome =
        service.backup(
            backup, new FixedLocationCatalog(List.of(location), null), ProgressListener.NONE);
    return new Stored(outcome, objects.forLocation(BUCKET, ""));
  }

  @Override
  public void close() {
    k8s.close();
  }

  /** What one backup stored. */
  record Stored(RunOutcome outcome, BackupStore store) {
    Backup backup() {
      return outcome.backup();
    }

    /** The unversioned item entries of the tarball, path to JSON. */
    Map<String, JsonNode> items() {
      Map<String, JsonNode> items = new LinkedHashMap<>();
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(
              new GZIPInputStream(new ByteArrayInputStream(file(BackupFile.CONTENTS))))) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          byte[] content = tar.readAllBytes();
          if (e.getName().startsWith("resources/") && !e.getName().contains("-preferredversion/")) {
            items.put(e.getName(), JSON.readTree(content));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return items;
    }

    byte[] file(BackupFile file) {
      try (InputStream in = store.get("nightly", file)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String gunzipped(BackupFile file) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file(file)))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    JsonNode sideFile(BackupFile file) {
      return JSON.readTree(gunzipped(file));
    }

    String log() {
      return gunzipped(BackupFile.LOG);
    }
  }
}
