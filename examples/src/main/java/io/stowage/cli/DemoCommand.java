package io.stowage.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.BackupException;
import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.k8s.KubernetesClients;
import io.stowage.testkit.csi.TestSnapshotController;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stowage demo}: starts a small Kubernetes cluster in this JVM ({@link DemoCluster} on the
 * testkit's embedded API server), backs all of it up as a Velero backup into a local directory, and
 * says where the files are and what to try next. Needs no cluster, no flags and no network.
 *
 * <p>How the backup runs is decided in one place, {@link #runBackup}: as on a real cluster, a
 * {@code velero.io/v1} Backup is created and a backup controller (here in this JVM, {@link
 * DemoServer}) runs it, while the demo follows its {@code status.progress}.
 */
@Command(
    name = "demo",
    description = {
      "Start a small Kubernetes cluster in this process and back it all up as a Velero backup.",
      "No cluster needed: an embedded API server holds namespaces shop and billing (Deployments,"
          + " Pods, Services, ConfigMaps, Secrets, PVCs on CSI volumes), a CRD with custom"
          + " resources and RBAC. A backup controller runs in this process, as 'server' does, and"
          + " processes a Backup object created in the cluster; its progress is shown live.",
      "Exit 0 Completed, 2 PartiallyFailed, 1 Failed, 64 usage error."
    },
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    sortOptions = false)
final class DemoCommand implements Callable<Integer> {
  /** The demo directory unless {@code --dir} says otherwise, relative to the current one. */
  static final String DEFAULT_DIR = "stowage-demo";

  /** Name of the kubeconfig in the demo directory. */
  static final String KUBECONFIG = "kubeconfig";

  /** Backups are named {@code demo-<UTC time>}, as Velero names a schedule's backups. */
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final int PAGE_SIZE = 500;

  /** The demo backup takes seconds; this bounds a wait that something went wrong with. */
  private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(5);

  /** Width of the wrapped lines of the demo's own text. */
  private static final int WIDTH = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "<dir>",
      defaultValue = DEFAULT_DIR,
      description = {
        "Demo directory: the cluster's kubeconfig, and the backups in <dir>/backups/<name>/"
            + " unless --store is given (default: ./${DEFAULT-VALUE})."
      })
  Path dir;

  @Option(
      names = "--store",
      paramLabel = "<uri>",
      description = {
        "Store the backup elsewhere: file://<directory>",
        "or s3://<bucket>[/<prefix>]?region=... (as backup create)."
      })
  StoreUri store;

  @Option(
      names = "--keep-running",
      description =
          "Keep the demo cluster and its backup controller up after the backup, for kubectl and"
              + " backup create --submit, until Ctrl-C.")
  boolean keepRunning;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path directory = dir.toAbsolutePath().normalize();
    StoreUri target = store != null ? store : StoreUri.parse("file://" + directory);

    try (Plugins plugins = StowageCli.plugins(spec)) {
      return run(plugins, directory, target, out);
    }
  }

  private int run(Plugins plugins, Path directory, StoreUri target, PrintWriter out)
      throws InterruptedException {
    long started = System.nanoTime();
    out.println("Starting the demo cluster: an embedded Kubernetes API server in this JVM...");
    out.flush();
    List<HasMetadata> objects = DemoCluster.objects(Instant.now());
    EmbeddedKubernetes k8s = DemoCluster.start(objects);
    TestSnapshotController snapshots = null;
    Path kubeconfig = directory.resolve(KUBECONFIG);
    KubernetesClient client = null;
    DemoServer server = null;
    boolean stopAtEnd = true;
    try {
      // The cluster's CSI snapshot controller and driver: binds the VolumeSnapshots the CSI plugin
      // creates for the demo's PVCs to contents with snapshot handles.
      snapshots = TestSnapshotController.start(k8s);
      k8s.writeKubeconfig(kubeconfig);
      Duration clusterStart = Duration.ofNanos(System.nanoTime() - started);
      out.println(
          "Demo cluster up at "
              + k8s.url()
              + " ("
              + DemoSummary.seconds(clusterStart)
              + "): namespaces default, kube-system, "
              + String.join(", ", namespaces(objects)));
      wrap(DemoCluster.census(objects), "  ", out);
      out.println();
      Backup backup = demoBackup(Instant.now());
      out.println(
          "Backing up the whole cluster (no filters) as velero.io/v1 Backup "
              + backup.getMetadata().getNamespace()
              + "/"
              + backup.getMetadata().getName()
              + " into "
              + DemoSummary.storeArgument(target));
      out.flush();

      long backupStarted = System.nanoTime();
      client = KubernetesClients.create(kubeconfig);
      server = DemoServer.start(client, target, plugins.registry(), PAGE_SIZE);
      Backup done = runBackup(client, server, backup);
      Duration backupTime = Duration.ofNanos(System.nanoTime() - backupStarted);

      String stowage = DemoSummary.stowageCommand();
      new DemoSummary(
              done, target, stored(plugins, target, done), clusterStart, backupTime, stowage)
          .print(out);
      out.println();
      if (keepRunning) {
        stopAtEnd = false;
        keepRunning(new Running(k8s, snapshots, client, server, kubeconfig), stowage, out);
      } else {
        out.println("The demo cluster stops with this command. To explore it with kubectl, run");
        out.println(
            "  "
                + stowage
                + " demo"
                + (dir.toString().equals(DEFAULT_DIR)
                    ? ""
                    : " --dir " + DemoSummary.shell(dir.toString()))
                + (store == null ? "" : " --store " + DemoSummary.shell(store.text()))
                + " --keep-running");
        out.println("and then, in another terminal:");
        out.println("  export KUBECONFIG=" + DemoSummary.shell(kubeconfig.toString()));
        out.println("  kubectl get pods -A");
      }
      return ExitCodes.forPhase(done.getStatus().getPhase());
    } finally {
      if (stopAtEnd) {
        new Running(k8s, snapshots, client, server, kubeconfig).stop();
      }
    }
  }

  /**
   * Runs the demo's Backup to its end as a Velero server would and answers it with its final status
   * (phase, counts, failure reason or validation errors), showing progress on the way.
   *
   * <p>This is the one place that decides how the backup runs: Velero's side is installed into the
   * demo cluster and its controller started in this JVM ({@link DemoServer}); the Backup is created
   * as a {@code velero.io/v1} object, as {@code velero backup create} does, and followed through
   * its {@code status.progress} until the controller has finished it ({@link BackupWatch}).
   */
  private Backup runBackup(KubernetesClient client, DemoServer server, Backup backup)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String namespace = backup.getMetadata().getNamespace();
    String name = backup.getMetadata().getName();
    out.println(
        "Backup controller running in this JVM, watching namespace " + namespace + "; installed:");
    wrap(String.join(", ", server.installed()), "  ", out);
    BackupWatch watch = new BackupWatch(client);
    watch.create(backup);
    out.println("Created Backup " + namespace + "/" + name + "; waiting for the controller...");
    out.flush();
    return watch.awaitFinished(
        namespace, name, new ProgressDisplay(out, StowageCli.terminal(spec), name), BACKUP_TIMEOUT);
  }

  /** A new Backup of everything, {@code velero/demo-<yyyyMMddHHmmss>}, as if just created. */
  static Backup demoBackup(Instant now) {
    Backup backup = new Backup();
    NewBackup.resetServerFields(backup);
    backup.getMetadata().setName("demo-" + NAME_TIME.format(now));
    backup.getMetadata().setNamespace(DemoCluster.VELERO_NAMESPACE);
    NewBackup.assignName(backup);
    return backup;
  }

  /**
   * What of the backup the store holds: whether it is there at all (Velero's {@code
   * velero-backup.json}, written last) and its tarball's size. A backup that failed validation was
   * never written.
   */
  private static DemoSummary.Stored stored(Plugins plugins, StoreUri target, Backup backup) {
    String name = backup.getMetadata().getName();
    BackupPhase phase = backup.getStatus().phaseOrNew();
    if (phase == BackupPhase.NEW || phase == BackupPhase.FAILED_VALIDATION) {
      return DemoSummary.Stored.NOTHING;
    }
    try {
      Optional<Path> local = target.localDirectory();
      if (local.isPresent()) {
        Path directory = local.get().resolve("backups").resolve(name);
        Path tarball = directory.resolve(BackupFile.CONTENTS.fileName(name));
        return new DemoSummary.Stored(
            Files.isRegularFile(directory.resolve(BackupFile.METADATA.fileName(name))),
            Files.isRegularFile(tarball) ? Files.size(tarball) : -1);
      }
      try (OpenStore open = OpenStore.forReading(target, plugins.registry())) {
        if (!open.store().backupExists(name)) {
          return DemoSummary.Stored.NOTHING;
        }
        Optional<InputStream> contents = open.store().tryGet(name, BackupFile.CONTENTS);
        if (contents.isEmpty()) {
          return new DemoSummary.Stored(true, -1);
        }
        try (InputStream in = contents.get()) {
          return new DemoSummary.Stored(true, in.transferTo(OutputStream.nullOutputStream()));
        }
      }
    } catch (IOException | UncheckedIOException | BackupException e) {
      return DemoSummary.Stored.NOTHING;
    }
  }

  /**
   * Blocks until the JVM is told to stop (Ctrl-C); a shutdown hook stops the controller and the
   * cluster.
   */
  private static void keepRunning(Running running, String stowage, PrintWriter out)
      throws InterruptedException {
    EmbeddedKubernetes k8s = running.k8s();
    Path kubeconfig = running.kubeconfig();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.stop();
                  out.println("Demo cluster stopped.");
                  out.flush();
                },
                "stowage-demo-stop"));
    out.println(
        "The demo cluster keeps running at " + k8s.url() + " until Ctrl-C. In another terminal:");
    out.println("  export KUBECONFIG=" + DemoSummary.shell(kubeconfig.toString()));
    out.println("  kubectl get pods -A");
    out.println("  kubectl get widgets,pvc -A");
    out.println("  kubectl get pv,storageclass,crd,clusterrolebinding");
    out.println(
        "Reading works (get with -o yaml|json|name, -l, --field-selector metadata.name=...;"
            + " tables show NAME and AGE only); describe, exec, apply and watch do not.");
    out.println(
        "The backup controller keeps running too: a Backup created in namespace "
            + DemoCluster.VELERO_NAMESPACE
            + " is backed up, for example with");
    out.println(
        "  " + stowage + " backup create my-backup --submit --wait --include-namespaces shop");
    out.flush();
    new CountDownLatch(1).await();
  }

  /** What runs while the demo is up; all but {@code k8s} and {@code kubeconfig} may be null. */
  private record Running(
      EmbeddedKubernetes k8s,
      TestSnapshotController snapshots,
      KubernetesClient client,
      DemoServer server,
      Path kubeconfig) {
    /**
     * Stops the backup controller, then the snapshot controller and the cluster; each step runs
     * even when an earlier one throws, so no cluster or stale kubeconfig is left behind.
     */
    void stop() {
      try {
        if (server != null) {
          server.close();
        }
      } finally {
        try {
          if (client != null) {
            client.close();
          }
        } finally {
          try {
            if (snapshots != null) {
              snapshots.close();
            }
          } finally {
            DemoCommand.stop(k8s, kubeconfig);
          }
        }
      }
    }
  }

  /** Stops the cluster and removes its kubeconfig, which would point at a closed port. */
  private static void stop(EmbeddedKubernetes k8s, Path kubeconfig) {
    k8s.close();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      // A stale kubeconfig is harmless: the next demo run overwrites it.
    }
  }

  /** Prints a comma-separated list on lines of at most {@value #WIDTH} characters. */
  private static void wrap(String list, String indent, PrintWriter out) {
    StringBuilder line = new StringBuilder(indent);
    for (String item : list.split(", ")) {
      if (line.length() > indent.length() && line.length() + item.length() + 2 > WIDTH) {
        out.println(line.append(','));
        line = new StringBuilder(indent);
      } else if (line.length() > indent.length()) {
        line.append(", ");
      }
      line.append(item);
    }
    out.println(line);
  }

  private static List<String> namespaces(List<HasMetadata> objects) {
    return objects.stream()
        .filter(o -> "Namespace".equals(o.getKind()))
        .map(o -> o.getMetadata().getName())
        .toList();
  }
}
