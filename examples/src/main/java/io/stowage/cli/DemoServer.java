package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.controller.BackupController;
import io.stowage.k8s.controller.CrdInstaller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Velero's server side of the demo cluster, in this JVM: what {@code velero install} and the Velero
 * Deployment would provide. {@link #start} installs it step by step ({@link #install}: the CRDs,
 * then the storage location), then runs a {@link BackupController} that processes the Backups
 * created in the Velero namespace; {@link #close()} stops the controller.
 *
 * <p>More cluster-side set-up for the demo (CRDs and controllers of other plugins) belongs in
 * {@link #install}, before the controller starts.
 */
final class DemoServer implements AutoCloseable {
  private static final ResourceDefinitionContext STORAGE_LOCATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withPlural("backupstoragelocations")
          .withKind("BackupStorageLocation")
          .withNamespaced(true)
          .build();

  /** How long a running backup may take to finish when the demo stops. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final BackupController controller;
  private final List<String> installed;

  private DemoServer(BackupController controller, List<String> installed) {
    this.controller = controller;
    this.installed = List.copyOf(installed);
  }

  /**
   * Installs Velero's side into the cluster and starts the controller (one worker, no leader
   * election: the demo is the only replica).
   *
   * @param client the demo cluster; the caller closes it after {@link #close()}
   * @param store the store of the location named {@code default}, marked default
   * @param registry the plugins the controller runs with
   * @param pageSize items per list request
   */
  static DemoServer start(
      KubernetesClient client, StoreUri store, PluginRegistry registry, int pageSize) {
    requireNonNull(client, "client is null");
    List<String> installed = install(client, store);
    BackupController controller =
        BackupController.builder()
            .client(client)
            .namespace(DemoCluster.VELERO_NAMESPACE)
            .workers(1)
            .withoutLeaderElection()
            .service(BackupCreateCommand.service(new Fabric8Cluster(client), registry, pageSize))
            .build();
    controller.start();
    return new DemoServer(controller, installed);
  }

  /**
   * What the server needs in the cluster before it starts, in order; answers what it created, as
   * {@code <resource>/<name>}.
   */
  private static List<String> install(KubernetesClient client, StoreUri store) {
    List<String> created = new ArrayList<>();
    for (String crd : CrdInstaller.apply(client)) {
      created.add("customresourcedefinition/" + crd);
    }
    created.add("backupstoragelocation/" + createLocation(client, store));
    return created;
  }

  private static String createLocation(KubernetesClient client, StoreUri store) {
    BackupStorageLocation location =
        store.toLocation(StoreUri.LOCATION_NAME, DemoCluster.VELERO_NAMESPACE);
    location.getSpec().setDefault(true);
    GenericKubernetesResource resource =
        client
            .getKubernetesSerialization()
            .unmarshal(
                new String(VeleroJson.writeCompact(location), StandardCharsets.UTF_8),
                GenericKubernetesResource.class);
    client
        .genericKubernetesResources(STORAGE_LOCATIONS)
        .inNamespace(DemoCluster.VELERO_NAMESPACE)
        .resource(resource)
        .create();
    return location.getMetadata().getName();
  }

  /** What {@link #start} created in the cluster, as {@code <resource>/<name>}, in order. */
  List<String> installed() {
    return installed;
  }

  /** Stops the controller; a backup still running gets 10 s to finish. */
  @Override
  public void close() {
    controller.stop(STOP_TIMEOUT);
  }
}
