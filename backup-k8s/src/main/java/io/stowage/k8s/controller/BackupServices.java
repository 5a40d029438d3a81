package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.backup.NamedAction;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.StoreResolver;
import io.stowage.k8s.Fabric8Cluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard wiring of a {@link BackupService} on a cluster: {@link Fabric8Cluster}, Velero's
 * preparation defaults, the {@link KubernetesBackupper} with the item actions of the plugin
 * registry, and stores opened by a BackupStorageLocation's {@code spec.provider}.
 */
public final class BackupServices {
  private static final Logger LOG = LoggerFactory.getLogger(BackupServices.class);

  private BackupServices() {}

  /** With the plugins on the class path ({@link PluginRegistry#load()}) and Velero's defaults. */
  public static BackupService standard(KubernetesClient client) {
    return standard(client, PluginRegistry.load(), PreparationDefaults.VELERO, null);
  }

  /**
   * @param registry where stores and item actions come from
   * @param defaults Velero's server defaults, or others
   * @param workDirectory where temporary tarballs go; {@code null} for the JVM's temp directory
   */
  public static BackupService standard(
      KubernetesClient client,
      PluginRegistry registry,
      PreparationDefaults defaults,
      Path workDirectory) {
    requireNonNull(client, "client is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(defaults, "defaults is null");
    Fabric8Cluster cluster = new Fabric8Cluster(client);
    Clock clock = Clock.systemUTC();
    List<NamedAction> actions = new ArrayList<>();
    for (BackupItemActionProvider provider : registry.actions()) {
      try {
        actions.add(
            new NamedAction(provider.name(), provider.create(PluginContext.of(Map.of(), cluster))));
      } catch (RuntimeException e) {
        LOG.error(
            "item action {} cannot be created and is left out: {}", provider.name(), e.toString());
      }
    }
    return new BackupService(
        cluster,
        new BackupPreparer(defaults, clock),
        new BackupRunner(
            new KubernetesBackupper(cluster, actions, BackupperOptions.DEFAULTS),
            clock,
            workDirectory),
        new StoreResolver(registry, Optional.of(cluster)));
  }
}
