package io.stowage.examples.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.k8s.KubernetesClients;
import io.stowage.k8s.controller.BackupController;
import io.stowage.k8s.controller.BackupMetrics;
import io.stowage.k8s.controller.CrdInstaller;
import io.stowage.k8s.controller.MetricsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host application that embeds Stowage's backup controller: it starts the controller (Velero's
 * server loop) in its own JVM with Prometheus metrics on an HTTP port, creates a Backup of one
 * namespace into a {@code filesystem} location, waits for it to finish, reads the metrics as a
 * monitoring system would, and stops the controller cleanly.
 *
 * <pre>
 * java -cp examples/target/stowage.jar io.stowage.examples.controller.ControllerHost \
 *     ~/.kube/config /var/backups shop
 * </pre>
 */
public final class ControllerHost {
  static final String VELERO_NAMESPACE = "velero";
  static final String LOCATION = "default";
  static final String BUCKET = "backups";

  /** Backups are named {@code embedded-<UTC time>}, as Velero names a schedule's backups. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private static final List<String> FINAL_PHASES =
      List.of("Completed", "PartiallyFailed", "Failed", "FailedValidation");

  private ControllerHost() {}

  /** Args: kubeconfig (or {@code -} for the default), store directory, namespace to back up. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ControllerHost KUBECONFIG|- STORE_DIRECTORY NAMESPACE");
      System.exit(64);
    }
    Path kubeconfig = args[0].equals("-") ? null : Path.of(args[0]);
    Outcome outcome;
    try (KubernetesClient client = KubernetesClients.create(kubeconfig)) {
      outcome = run(client, Path.of(args[1]).toAbsolutePath(), args[2]);
    }
    System.out.println("backup " + outcome.backup() + ": " + outcome.phase());
    outcome
        .metrics()
        .lines()
        .filter(l -> l.startsWith("velero_backup_"))
        .forEach(System.out::println);
    System.exit(outcome.phase().equals("Completed") ? 0 : 1);
  }

  /**
   * What one run of the host saw.
   *
   * @param backup the Backup's name
   * @param phase its final phase
   * @param metrics the Prometheus text the metrics endpoint served after it finished
   */
  public record Outcome(String backup, String phase, String metrics) {}

  /**
   * Runs the controller for one backup of {@code namespace} into {@code storeRoot}: installs
   * Velero's CRDs, creates the {@code velero} namespace and the storage location if needed, and
   * stops the controller before returning.
   */
  public static Outcome run(KubernetesClient client, Path storeRoot, String namespace)
      throws IOException, InterruptedException {
    CrdInstaller.apply(client);
    ensureVeleroNamespace(client);
    createStorageLocation(client, storeRoot);
    String name = "embedded-" + TIMESTAMP.format(Instant.now());

    BackupMetrics metrics = BackupMetrics.prometheus();
    BackupController controller =
        BackupController.builder()
            .client(client)
            .namespace("velero")
            .listener(metrics)
            .withoutLeaderElection()
            .build();
    try (MetricsServer server =
        MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metrics::scrape)) {
      controller.start();
      createBackup(client, name, namespace);
      String phase = awaitFinalPhase(client, name, Duration.ofMinutes(5));
      String scraped = get("http://127.0.0.1:" + server.port() + "/metrics");
      return new Outcome(name, phase, scraped);
    } finally {
      controller.stop(Duration.ofSeconds(30));
    }
  }

  private static void ensureVeleroNamespace(KubernetesClient client) {
    if (client.namespaces().withName(VELERO_NAMESPACE).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(VELERO_NAMESPACE)
                  .endMetadata()
                  .build())
          .create();
    }
  }

  /** BackupStorageLocation {@code default} on the {@code filesystem} provider, kept if present. */
  private static void createStorageLocation(KubernetesClient client, Path storeRoot) {
    if (velero(client, "BackupStorageLocation").withName(LOCATION).get() != null) {
      return;
    }
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(LOCATION);
    location.getMetadata().setNamespace(VELERO_NAMESPACE);
    location.getSpec().setProvider("filesystem");
    location.getSpec().setConfig(Map.of("root", storeRoot.toString()));
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    velero(client, "BackupStorageLocation").resource(generic(client, location)).create();
  }

  private static void createBackup(KubernetesClient client, String name, String namespace) {
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace(VELERO_NAMESPACE);
    backup.getSpec().setIncludedNamespaces(new ArrayList<>(List.of(namespace)));
    velero(client, "Backup").resource(generic(client, backup)).create();
  }

  private static String awaitFinalPhase(KubernetesClient client, String name, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String phase = "";
    while (Instant.now().isBefore(deadline)) {
      GenericKubernetesResource backup = velero(client, "Backup").withName(name).get();
      if (backup != null && backup.getAdditionalProperties().get("status") instanceof Map<?, ?> s) {
        phase = String.valueOf(s.get("phase"));
        if (FINAL_PHASES.contains(phase)) {
          return phase;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "backup " + name + " did not finish within " + timeout + " (phase " + phase + ")");
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      velero(KubernetesClient client, String kind) {
    return client.genericKubernetesResources("velero.io/v1", kind).inNamespace(VELERO_NAMESPACE);
  }

  private static GenericKubernetesResource generic(KubernetesClient client, Object veleroObject) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            new String(VeleroJson.writeCompact(veleroObject), StandardCharsets.UTF_8),
            GenericKubernetesResource.class);
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
