package io.stowage.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.plugin.PluginClassLoaders;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.examples.Tarballs;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin jar itself, in this JVM: found through a plugins directory's class loader (the build
 * keeps it off the test class path), and, given to the standard wiring, it changes what lands in
 * the tarball. An IT because the jar exists only once {@code examples/redact-plugin} is packaged.
 */
class RedactPluginJarIT {
  @TempDir Path tmp;

  @Test
  void theJarIsFoundThroughAPluginsDirectoryAndOnlyThere() throws Exception {
    Path plugins = RedactCluster.pluginsDirectory(tmp);
    ClassLoader application = getClass().getClassLoader();

    assertThat(PluginRegistry.load(application).action(RedactCluster.PLUGIN_NAME)).isEmpty();
    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins, application)) {
      PluginRegistry registry = PluginRegistry.load(loader);

      BackupItemActionProvider provider = registry.action(RedactCluster.PLUGIN_NAME).orElseThrow();
      assertThat(provider.getClass().getClassLoader()).isSameAs(loader);
      assertThat(registry.problems()).isEmpty();
    }
  }

  @Test
  void theStandardWiringWithThePluginRedactsTheTarball() throws Exception {
    Path plugins = RedactCluster.pluginsDirectory(tmp);
    try (EmbeddedKubernetes k8s = RedactCluster.start();
        URLClassLoader loader =
            PluginClassLoaders.forPluginsDirectory(plugins, getClass().getClassLoader())) {
      Map<String, String> plain = backUp(k8s, PluginRegistry.load(), "plain");
      Map<String, String> redacted = backUp(k8s, PluginRegistry.load(loader), "redacted");

      RedactCluster.assertUnredacted(plain);
      RedactCluster.assertRedacted(redacted);
    }
  }

  private Map<String, String> backUp(EmbeddedKubernetes k8s, PluginRegistry registry, String name) {
    BackupService service =
        BackupServices.standard(
            new Fabric8Cluster(k8s.client()),
            registry,
            PreparationDefaults.VELERO,
            BackupperOptions.DEFAULTS,
            null);
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace("velero");
    backup.getSpec().setIncludedNamespaces(new ArrayList<>(List.of("shop")));
    RunOutcome outcome =
        service.backup(
            backup,
            new FixedLocationCatalog(List.of(location(tmp.resolve("store"))), null),
            progress -> {});
    assertThat(outcome.phase()).isEqualTo(BackupPhase.COMPLETED);
    return Tarballs.read(
        tmp.resolve("store/bucket/backups").resolve(name).resolve(name + ".tar.gz"));
  }

  private static BackupStorageLocation location(Path root) {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName("default");
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider("filesystem");
    location.getSpec().setConfig(Map.of("root", root.toString()));
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket("bucket");
    location.getSpec().setObjectStorage(storage);
    return location;
  }
}
