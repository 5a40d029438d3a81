package io.stowage.k8s;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.backup.NamedAction;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.StoreResolver;
import io.stowage.core.snapshot.RegistrySnapshotterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard wiring of a {@link BackupService} on a cluster, shared by the controller and the
 * command line: {@link Fabric8Cluster}, Velero's preparation defaults, the {@link
 * KubernetesBackupper} (listing with page read-ahead) with every item action of the plugin registry
 * and its volume snapshotters (one per VolumeSnapshotLocation a backup uses, created by the
 * location's {@code spec.provider} with {@code PluginContext.of(spec.config, cluster)}), and stores
 * opened by a BackupStorageLocation's {@code spec.provider}.
 */
public final class BackupServices {
  private BackupServices() {}

  /** With the plugins on the class path ({@link PluginRegistry#load()}) and Velero's defaults. */
  public static BackupService standard(KubernetesClient client) {
    return standard(
        new Fabric8Cluster(requireNonNull(client, "client is null")),
        PluginRegistry.load(),
        PreparationDefaults.VELERO,
        BackupperOptions.DEFAULTS,
        null);
  }

  /**
   * @param registry where stores, item actions and volume snapshotters come from
   * @param defaults Velero's server defaults, or others
   * @param options page size and progress settings of the backupper
   * @param workDirectory where temporary tarballs go; {@code null} for the JVM's temp directory
   * @throws BackupException {@link StandardErrorCode#PROVIDER_FAILED} naming an item action that
   *     cannot be created: a backup without one of its actions would silently differ
   */
  public static BackupService standard(
      Cluster cluster,
      PluginRegistry registry,
      PreparationDefaults defaults,
      BackupperOptions options,
      Path workDirectory) {
    requireNonNull(cluster, "cluster is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(defaults, "defaults is null");
    requireNonNull(options, "options is null");
    Clock clock = options.clock();
    return new BackupService(
        cluster,
        new BackupPreparer(defaults, clock),
        new BackupRunner(backupper(cluster, registry, options), clock, workDirectory),
        new StoreResolver(registry, Optional.of(cluster)));
  }

  /**
   * The {@link KubernetesBackupper} of {@link #standard}, for callers that write the tarball
   * themselves (into any stream, without a store): every item action of the registry, volume
   * snapshotters by provider, lists with page read-ahead.
   *
   * @throws BackupException {@link StandardErrorCode#PROVIDER_FAILED} naming an item action that
   *     cannot be created
   */
  public static KubernetesBackupper backupper(
      Cluster cluster, PluginRegistry registry, BackupperOptions options) {
    requireNonNull(cluster, "cluster is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(options, "options is null");
    return new KubernetesBackupper(
        readingAhead(cluster),
        actions(registry, cluster),
        options,
        new RegistrySnapshotterFactory(registry, Optional.of(cluster)));
  }

  private static List<NamedAction> actions(PluginRegistry registry, Cluster cluster) {
    List<NamedAction> actions = new ArrayList<>();
    for (BackupItemActionProvider provider : registry.actions()) {
      try {
        actions.add(
            new NamedAction(provider.name(), provider.create(PluginContext.of(Map.of(), cluster))));
      } catch (RuntimeException e) {
        throw new BackupException(
            StandardErrorCode.PROVIDER_FAILED,
            "backup item action "
                + provider.name()
                + " ("
                + provider.getClass().getName()
                + ") could not be created: "
                + e.getMessage(),
            e);
      }
    }
    return actions;
  }

  /**
   * The backupper lists through a {@link PrefetchingCluster}, so the next page is on its way while
   * the current one is backed up (one daemon thread per service).
   */
  private static Cluster readingAhead(Cluster cluster) {
    return cluster instanceof PrefetchingCluster ? cluster : new PrefetchingCluster(cluster);
  }
}
