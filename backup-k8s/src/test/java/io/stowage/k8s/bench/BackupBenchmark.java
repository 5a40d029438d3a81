package io.stowage.k8s.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.GroupResource;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ProgressListener;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.archive.GoJson;
import io.stowage.core.archive.TarballWriter;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.core.run.StoreResolver;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.KubernetesClients;
import io.stowage.k8s.PrefetchingCluster;
import io.stowage.store.filesystem.FilesystemObjectBackupStoreProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Backup throughput of backup-core + backup-k8s against the embedded Kubernetes API server
 * (backup-testkit), with the figures DESIGN.md's performance principles compare on one page:
 *
 * <ol>
 *   <li>the server (started here as a child JVM, seeded with N ConfigMaps over K namespaces, or an
 *       existing one given by its kubeconfig): start + seed time;
 *   <li>full backups through {@link BackupService} into the {@code filesystem} store, in this JVM:
 *       the first one cold, the others warm; wall time, items/s, tarball and store bytes, peak
 *       heap, heap after GC, GC, allocation;
 *   <li>splits, warm, on the ConfigMaps alone, through {@link Fabric8Cluster}: the raw paged list
 *       (the physical limit), list + Go JSON encoding, list + encoding + tar.gz (to nowhere);
 *   <li>{@code kubectl get configmaps -A -o json | gzip} against the same server;
 *   <li>a check of the last backup's tarball: its entries by resource.
 * </ol>
 *
 * <p>The backup reads list pages through {@link PrefetchingCluster} unless {@code --no-prefetch} is
 * given; {@code --include-resources configmaps,namespaces} narrows the Backup (every discovered
 * type is listed otherwise, which on the embedded server costs one scan of its whole store per
 * type).
 *
 * <p>Run it through the {@code bench} profile of backup-k8s (see docs/benchmarks.md), which gives
 * this JVM {@code -Xmx256m}:
 *
 * <pre>
 * mvn -B -q -Pbench -pl backup-k8s -am process-test-classes -Dbench.args="100000 20 500 start"
 * </pre>
 *
 * The machine's load average is printed beside every figure; the exit status is 1 when the tarball
 * check fails.
 */
public final class BackupBenchmark {
  private static final String BUCKET = "stowage-bench";
  private static final GroupResource CONFIG_MAPS = GroupResource.core("configmaps");

  private final BenchOptions options;
  private final HeapMeter heap = new HeapMeter();
  private final List<String> rows = new ArrayList<>();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final TimingStoreProvider store =
      new TimingStoreProvider(new FilesystemObjectBackupStoreProvider());
  private Path work;
  private Path storeRoot;
  private ServerProcess server;

  private BackupBenchmark(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = new BackupBenchmark(options).run(jvmStartMillis);
    System.exit(status);
  }

  private int run(long jvmStartMillis) throws Exception {
    work =
        options.work() != null
            ? Files.createDirectories(options.work())
            : Files.createTempDirectory("stowage-bench-");
    storeRoot = work.resolve("store");
    Runtime runtime = Runtime.getRuntime();
    say(
        "machine: %d cores, java %s, benchmark JVM max heap %s (%s), JVM up in %d ms, load %s",
        runtime.availableProcessors(),
        System.getProperty("java.version"),
        mib(runtime.maxMemory()),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        jvmStartMillis,
        load());
    say(
        "setup: N=%d ConfigMaps, K=%d namespaces, page size %d, payload %d B, list read-ahead"
            + " %s, work %s",
        options.configMaps(),
        options.namespaces(),
        options.pageSize(),
        options.payloadBytes(),
        options.prefetch() ? "on" : "off",
        work);
    if (!options.includedResources().isEmpty()) {
      say("backup spec.includedResources: %s", options.includedResources());
    }
    int status = 0;
    try {
      Path kubeconfig = options.kubeconfig();
      String serverStart = "-";
      if (kubeconfig == null) {
        kubeconfig = work.resolve("kubeconfig");
        String loadBefore = load();
        server = ServerProcess.start(options, kubeconfig, work.resolve("server.log"));
        serverStart = seconds(server.startNanos());
        say(
            "server: %s (pid %d, -Xmx%s), started and seeded in %s s, RSS %s; load %s -> %s",
            server.url(),
            server.pid(),
            options.serverHeap(),
            serverStart,
            mib(server.residentKib() * 1024),
            loadBefore,
            load());
      } else {
        say("server: existing, kubeconfig %s", kubeconfig);
      }
      try (KubernetesClient client = KubernetesClients.create(kubeconfig)) {
        status = measure(new Fabric8Cluster(client), kubeconfig, serverStart);
      }
      if (server != null) {
        say("server RSS at the end: %s", mib(server.residentKib() * 1024));
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (!options.keep()) {
        if (options.work() == null) {
          deleteTree(work);
        } else {
          // A directory given by the caller keeps everything but what this run wrote.
          for (String name : List.of("store", "tmp", "kubeconfig", "server.log")) {
            deleteTree(work.resolve(name));
          }
        }
      }
    }
    say("");
    say(
        "| N | K | page | read-ahead | run | wall s | CPU s | items/s | tarball MiB | peak heap MiB"
            + " | max after GC MiB | GC n/ms | raw list s | kubectl s | load 1/5/15 |");
    say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(BackupBenchmark::say);
    return status;
  }

  private int measure(Fabric8Cluster fabric8, Path kubeconfig, String serverStart)
      throws IOException, InterruptedException {
    PrefetchingCluster prefetching = options.prefetch() ? new PrefetchingCluster(fabric8) : null;
    TimingCluster cluster = new TimingCluster(prefetching != null ? prefetching : fabric8);
    TimingCluster direct = new TimingCluster(fabric8);
    BackupService service =
        new BackupService(
            cluster,
            new BackupPreparer(PreparationDefaults.VELERO, Clock.systemUTC()),
            new BackupRunner(
                new KubernetesBackupper(
                    cluster, List.of(), BackupperOptions.DEFAULTS.withPageSize(options.pageSize())),
                Clock.systemUTC(),
                work.resolve("tmp")),
            new StoreResolver(PluginRegistry.of(List.of(store)), Optional.of(cluster)));
    FixedLocationCatalog locations = locations();

    List<Measured> backups = new ArrayList<>();
    backups.add(backup(service, cluster, locations, 1));
    Measured rawList = null;
    if (options.splits()) {
      ApiResource type = fabric8.type(CONFIG_MAPS);
      rawList = split("raw list (Fabric8Cluster)", direct, type, Split.LIST);
      split("list + GoJson", direct, type, Split.ENCODE);
      split("list + GoJson + tar.gz", direct, type, Split.TARBALL);
    }
    for (int run = 2; run <= options.runs(); run++) {
      backups.add(backup(service, cluster, locations, run));
    }
    if (prefetching != null) {
      prefetching.close();
    }
    Measured kubectl = options.kubectl() ? kubectl(kubeconfig) : null;

    Measured last = backups.get(backups.size() - 1);
    int status = checkTarball(last, rawList);
    for (Measured backup : backups) {
      rows.add(
          String.format(
              Locale.ROOT,
              "| %,d | %d | %d | %s | %s | %s | %s | %,.0f | %.1f | %.0f | %.0f | %d/%d | %s | %s | %s |",
              options.configMaps(),
              options.namespaces(),
              options.pageSize(),
              options.prefetch() ? "on" : "off",
              backup.run == 1 ? "1 (cold)" : backup.run + " (warm)",
              seconds(backup.nanos),
              seconds(backup.costs.cpuNanos()),
              backup.perSecond(),
              backup.bytes / 1048576.0,
              backup.figures.peakHeapBytes() / 1048576.0,
              backup.figures.maxAfterGcBytes() / 1048576.0,
              backup.figures.gcCount(),
              backup.figures.gcMillis(),
              rawList == null ? "-" : seconds(rawList.nanos),
              kubectl == null ? "-" : seconds(kubectl.nanos),
              backup.loadAfter));
    }
    if (!"-".equals(serverStart)) {
      say("server start + seed: %s s", serverStart);
    }
    return status;
  }

  /** One timed section. */
  private record Measured(
      String label,
      int run,
      long nanos,
      long items,
      long bytes,
      HeapMeter.Figures figures,
      Costs costs,
      String loadBefore,
      String loadAfter,
      Path tarball) {
    double perSecond() {
      return items / (nanos / 1e9);
    }
  }

  /**
   * Where a section's time went: CPU of this JVM and of the server's, wall time inside paged lists
   * (HTTP, server, parsing) and inside store writes (persisting).
   */
  private record Costs(long cpuNanos, long serverCpuNanos, long listNanos, long persistNanos) {
    Costs minus(Costs start) {
      return new Costs(
          cpuNanos - start.cpuNanos,
          serverCpuNanos < 0 || start.serverCpuNanos < 0
              ? -1
              : serverCpuNanos - start.serverCpuNanos,
          listNanos - start.listNanos,
          persistNanos - start.persistNanos);
    }
  }

  private Costs costs(TimingCluster cluster) {
    return new Costs(
        os.getProcessCpuTime(),
        server == null ? -1 : server.cpuNanos(),
        cluster.listNanos(),
        store.putNanos());
  }

  private static String describe(Costs costs, long wallNanos) {
    return String.format(
        Locale.ROOT,
        "CPU %s s here, %s s server; in paged lists %s s, persisting %s s, the rest %s s",
        seconds(costs.cpuNanos()),
        costs.serverCpuNanos() < 0 ? "?" : seconds(costs.serverCpuNanos()),
        seconds(costs.listNanos()),
        seconds(costs.persistNanos()),
        seconds(wallNanos - costs.listNanos() - costs.persistNanos()));
  }

  private Measured backup(
      BackupService service, TimingCluster cluster, FixedLocationCatalog locations, int run)
      throws IOException {
    String name = "bench-" + run;
    Backup backup = new Backup();
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace("velero");
    if (!options.includedResources().isEmpty()) {
      backup.getSpec().setIncludedResources(options.includedResources());
    }
    String loadBefore = load();
    cluster.takeSlowestTypes(0);
    HeapMeter.Section section = heap.start();
    Costs before = costs(cluster);
    long started = System.nanoTime();
    RunOutcome outcome = service.backup(backup, locations, ProgressListener.NONE);
    long nanos = System.nanoTime() - started;
    Costs costs = costs(cluster).minus(before);
    HeapMeter.Figures figures = section.stop();
    String loadAfter = load();
    if (outcome.phase() != BackupPhase.COMPLETED) {
      throw new IllegalStateException(
          "backup "
              + name
              + " ended "
              + outcome.phase()
              + ": "
              + outcome.backup().getStatus().getFailureReason()
              + " "
              + outcome.backup().getStatus().getValidationErrors());
    }
    Path directory = storeRoot.resolve(BUCKET).resolve("backups").resolve(name);
    long storeBytes = treeSize(directory);
    long items = outcome.result().itemsBackedUp();
    List<String> slowest = cluster.takeSlowestTypes(4);
    Measured measured =
        new Measured(
            "backup",
            run,
            nanos,
            items,
            outcome.tarballBytes(),
            figures,
            costs,
            loadBefore,
            loadAfter,
            directory.resolve(name + ".tar.gz"));
    say(
        "backup %d (%s): %s s, %,d items, %,.0f items/s, tarball %s, store %s (%d files);"
            + " %s; %s; load %s -> %s",
        run,
        run == 1 ? "cold" : "warm",
        seconds(nanos),
        items,
        measured.perSecond(),
        mib(outcome.tarballBytes()),
        mib(storeBytes),
        fileCount(directory),
        describe(costs, nanos),
        describe(figures),
        loadBefore,
        loadAfter);
    say("  paged lists: %s", String.join("; ", slowest));
    return measured;
  }

  private enum Split {
    LIST,
    ENCODE,
    TARBALL
  }

  /** The ConfigMaps alone, paged through Fabric8Cluster, with more or less of the backup's work. */
  private Measured split(String label, TimingCluster cluster, ApiResource type, Split split) {
    String loadBefore = load();
    HeapMeter.Section section = heap.start();
    Costs before = costs(cluster);
    long started = System.nanoTime();
    long items = 0;
    long bytes = 0;
    CountingStream sink = new CountingStream();
    TarballWriter tarball = null;
    if (split == Split.TARBALL) {
      tarball = TarballWriter.open(sink, true);
      tarball.writeVersion();
    }
    String token = "";
    do {
      ListPage page = cluster.list(type, "", "", options.pageSize(), token);
      for (ObjectNode item : page.items()) {
        items++;
        if (split == Split.LIST) {
          continue;
        }
        byte[] json = GoJson.marshal(item);
        bytes += json.length;
        if (tarball != null) {
          String namespace = item.path("metadata").path("namespace").asString("");
          String name = item.path("metadata").path("name").asString("");
          tarball.writeItem(new ItemIdentity("", "v1", "configmaps", namespace, name), json, true);
        }
      }
      token = page.continueToken();
    } while (!token.isEmpty());
    if (tarball != null) {
      tarball.close();
      bytes = sink.count;
    }
    long nanos = System.nanoTime() - started;
    Costs costs = costs(cluster).minus(before);
    HeapMeter.Figures figures = section.stop();
    String loadAfter = load();
    Measured measured =
        new Measured(label, 0, nanos, items, bytes, figures, costs, loadBefore, loadAfter, null);
    say(
        "%s: %s s, %,d items, %,.0f items/s%s; %s; %s; load %s -> %s",
        label,
        seconds(nanos),
        items,
        measured.perSecond(),
        split == Split.LIST
            ? ""
            : String.format(
                Locale.ROOT, ", %s %s", split == Split.ENCODE ? "JSON" : "tar.gz", mib(bytes)),
        describe(costs, nanos),
        describe(figures),
        loadBefore,
        loadAfter);
    return measured;
  }

  /** {@code kubectl get configmaps -A -o json | gzip}, chunked like the backup's pages. */
  private Measured kubectl(Path kubeconfig) throws IOException, InterruptedException {
    Path kubectl = Path.of("/usr/bin/kubectl");
    if (!Files.isExecutable(kubectl)) {
      say("kubectl: skipped, %s is absent", kubectl);
      return null;
    }
    String script =
        "set -o pipefail; \"$1\" --kubeconfig \"$2\" get configmaps -A -o json --chunk-size=\"$3\""
            + " | gzip | wc -c";
    String loadBefore = load();
    long serverCpu = server == null ? -1 : server.cpuNanos();
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(
                "bash",
                "-c",
                script,
                "kubectl-bench",
                kubectl.toString(),
                kubeconfig.toString(),
                Integer.toString(options.pageSize()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    long nanos = System.nanoTime() - started;
    String serverCpuUsed = serverCpu < 0 ? "?" : seconds(server.cpuNanos() - serverCpu);
    String loadAfter = load();
    if (exit != 0) {
      say("kubectl: failed with exit code %d", exit);
      return null;
    }
    long bytes = Long.parseLong(out.trim());
    say(
        "kubectl get configmaps -A -o json --chunk-size=%d | gzip: %s s, gzip output %s,"
            + " CPU %s s server; load %s -> %s",
        options.pageSize(), seconds(nanos), mib(bytes), serverCpuUsed, loadBefore, loadAfter);
    return new Measured("kubectl", 0, nanos, 0, bytes, null, null, loadBefore, loadAfter, null);
  }

  /**
   * Entries of the last backup's tarball: {@code metadata/version}, and two per item at its
   * preferred version (the item and its {@code -preferredversion} copy).
   */
  private int checkTarball(Measured backup, Measured rawList) throws IOException {
    TarballCheck check = TarballCheck.read(backup.tarball);
    say("tarball %s: %,d entries", backup.tarball.getFileName(), check.entries());
    check.byResource().forEach((group, count) -> say("  %-50s %,d", group, count));
    long expected = 2 * backup.items + 1;
    boolean ok = check.entries() == expected;
    say(
        "  entries = 2 x %,d items + 1 (metadata/version) = %,d: %s",
        backup.items, expected, ok ? "OK" : "MISMATCH");
    if (rawList != null) {
      boolean configMapsOk =
          check.count("configmaps") == rawList.items
              && check.count("configmaps (preferred-version copies)") == rawList.items;
      say(
          "  configmaps: %,d + %,d copies for %,d listed: %s",
          check.count("configmaps"),
          check.count("configmaps (preferred-version copies)"),
          rawList.items,
          configMapsOk ? "OK" : "MISMATCH");
      ok &= configMapsOk;
    }
    return ok ? 0 : 1;
  }

  private FixedLocationCatalog locations() {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName("default");
    location.getMetadata().setNamespace("velero");
    location.getSpec().setProvider(FilesystemObjectBackupStoreProvider.NAME);
    location
        .getSpec()
        .setConfig(Map.of(FilesystemObjectBackupStoreProvider.ROOT, storeRoot.toString()));
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    return new FixedLocationCatalog(List.of(location), null);
  }

  private static String describe(HeapMeter.Figures figures) {
    return String.format(
        Locale.ROOT,
        "peak heap %s (pools summed), max after GC %s, GC %d in %d ms, allocated %s",
        mib(figures.peakHeapBytes()),
        mib(figures.maxAfterGcBytes()),
        figures.gcCount(),
        figures.gcMillis(),
        mib(figures.allocatedBytes()));
  }

  /** 1, 5 and 15 minute load averages. */
  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + "/" + parts[1] + "/" + parts[2];
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  private static long treeSize(Path directory) throws IOException {
    return sum(directory, path -> path.toFile().length());
  }

  private static long fileCount(Path directory) throws IOException {
    return sum(directory, path -> 1);
  }

  private static long sum(Path directory, ToLongFunction<Path> value) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(value).sum();
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /** Counts and discards. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
