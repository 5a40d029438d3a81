package io.stowage.cli;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the library's one backup path ({@link BackupService}) for a cluster, with every plugin on
 * the classpath: item actions and object stores are found by {@link PluginRegistry#load()} through
 * {@code META-INF/services}, exactly as an embedding host would find them.
 */
final class BackupEngine {
  private BackupEngine() {}

  /**
   * A service backing up {@code cluster} with Velero's server defaults.
   *
   * @param pageSize items per list page, 0 for no paging
   * @throws BackupException {@link StandardErrorCode#PROVIDER_FAILED} naming an item action that
   *     cannot be created: a backup without one of its actions would silently differ
   */
  static BackupService service(Cluster cluster, int pageSize, Clock clock) {
    PluginRegistry registry = PluginRegistry.load();
    KubernetesBackupper backupper =
        new KubernetesBackupper(
            cluster, actions(registry, cluster), BackupperOptions.DEFAULTS.withPageSize(pageSize));
    return new BackupService(
        cluster,
        new BackupPreparer(PreparationDefaults.VELERO, clock),
        new BackupRunner(backupper, clock, null),
        new StoreResolver(registry, Optional.of(cluster)));
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
}
