package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.BackupException;
import io.stowage.api.Backupper;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.StoreResolver;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An embedded API server with Velero's CRDs applied through {@link CrdInstaller}, namespace {@code
 * velero}, a namespace {@code shop} with three ConfigMaps, and BackupStorageLocation {@code
 * default} on the {@code filesystem} provider in a temporary directory.
 */
final class ControllerHarness implements AutoCloseable {
  static final String NAMESPACE = "velero";
  static final String BUCKET = "bucket";
  static final Duration WAIT = Duration.ofSeconds(20);

  final EmbeddedKubernetes k8s;
  final KubernetesClient client;
  final Path root;
  final BackupResources backups;

  ControllerHarness(Path root) {
    this.root = root;
    this.k8s = new EmbeddedKubernetes().start();
    this.client = k8s.client();
    CrdInstaller.apply(client);
    k8s.seed(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build(),
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
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
    createStorageLocation("default");
    this.backups = new BackupResources(client, NAMESPACE);
  }

  /** The standard service: plugins from the class path, so {@code filesystem} from its jar. */
  BackupService service() {
    return BackupServices.standard(client);
  }

  /** The standard service whose backupper first passes {@code gate}. */
  BackupService service(Gate gate) {
    Fabric8Cluster cluster = new Fabric8Cluster(client);
    KubernetesBackupper backupper =
        new KubernetesBackupper(cluster, List.of(), BackupperOptions.DEFAULTS);
    Backupper gated =
        (request, tarball, log, progress) -> {
          gate.pass(request.backup().getMetadata().getName());
          return backupper.backup(request, tarball, log, progress);
        };
    return new BackupService(
        cluster,
        new BackupPreparer(PreparationDefaults.VELERO, Clock.systemUTC()),
        new BackupRunner(gated, Clock.systemUTC(), null),
        new StoreResolver(PluginRegistry.load(), Optional.of(cluster)));
  }

  /** A service whose every preparation fails: the cluster version cannot be read. */
  BackupService serviceThatCannotPrepare() {
    Fabric8Cluster real = new Fabric8Cluster(client);
    Cluster broken =
        (Cluster)
            Proxy.newProxyInstance(
                Cluster.class.getClassLoader(),
                new Class<?>[] {Cluster.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("serverVersion")) {
                    throw new BackupException(
                        StandardErrorCode.CLUSTER_FAILED, "the API server does not answer");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new BackupService(
        broken,
        new BackupPreparer(PreparationDefaults.VELERO, Clock.systemUTC()),
        new BackupRunner(
            new KubernetesBackupper(broken, List.of(), BackupperOptions.DEFAULTS),
            Clock.systemUTC(),
            null),
        new StoreResolver(PluginRegistry.load(), Optional.of(broken)));
  }

  /** A controller builder with test timings: short retries, resync and leases. */
  BackupController.Builder controller(String identity) {
    return BackupController.builder()
        .client(client)
        .namespace(NAMESPACE)
        .resyncPeriod(Duration.ofSeconds(1))
        .metricsInitialDelay(Duration.ZERO)
        .retries(Duration.ofMillis(50), Duration.ofMillis(500), 5)
        .finalStatusTimeout(Duration.ofSeconds(5))
        .leaderElection(
            LeaderElectionSettings.of(identity)
                .withTimings(
                    Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200)));
  }

  void createStorageLocation(String name) {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(name);
    location.getMetadata().setNamespace(NAMESPACE);
    location.getSpec().setProvider("filesystem");
    location.getSpec().setConfig(Map.of("root", root.toString()));
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    create(VeleroJson.writeCompact(location), "BackupStorageLocation");
  }

  /** Creates a Backup over HTTP; {@code labels} are key, value, key, value... */
  GenericKubernetesResource createBackup(String name, Consumer<BackupSpec> spec, String... labels) {
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace(NAMESPACE);
    for (int i = 0; i + 1 < labels.length; i += 2) {
      backup.getMetadata().getLabels().put(labels[i], labels[i + 1]);
    }
    spec.accept(backup.getSpec());
    return backups.operations().resource(resource(VeleroJson.writeCompact(backup))).create();
  }

  private void create(byte[] json, String kind) {
    client
        .genericKubernetesResources("velero.io/v1", kind)
        .inNamespace(NAMESPACE)
        .resource(resource(json))
        .create();
  }

  private GenericKubernetesResource resource(byte[] json) {
    return client
        .getKubernetesSerialization()
        .unmarshal(new String(json, StandardCharsets.UTF_8), GenericKubernetesResource.class);
  }

  Backup read(String name) {
    return backups.toBackup(backups.get(name).orElseThrow());
  }

  /** Polls until the Backup is in {@code phase}, failing after {@link #WAIT}. */
  Backup awaitPhase(String name, BackupPhase phase) {
    awaitTrue(
        () ->
            backups.get(name).map(b -> phase.value().equals(BackupEvents.phaseOf(b))).orElse(false),
        "backup " + name + " in phase " + phase);
    return read(name);
  }

  /**
   * Stops a controller after a short pause. The fabric8 mock deadlocks its event loop for 30 s when
   * a watch is closed while it writes an event to it (WatchEventsListener.onClosed waits on the
   * event loop for a write that needs the event loop), so let in-flight events land first.
   */
  static void stopSettled(BackupController controller) {
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    controller.stop(Duration.ofSeconds(5));
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  /** Names of the backups in the store (directories under {@code backups/}). */
  List<String> storedBackups() {
    Path dir = root.resolve(BUCKET).resolve("backups");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path storedFile(String backup, String file) {
    return root.resolve(BUCKET).resolve("backups").resolve(backup).resolve(file);
  }

  @Override
  public void close() {
    k8s.close();
  }

  /** Holds backups at the start of their run until released. */
  static final class Gate {
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.Set<String> entered =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    void pass(String backup) {
      entered.add(backup);
      try {
        if (!release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted at the gate", e);
      }
    }

    boolean entered(String backup) {
      return entered.contains(backup);
    }

    void open() {
      release.countDown();
    }
  }
}
