package io.stowage.k8s.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.stowage.api.BackupProgress;
import io.stowage.api.ProgressListener;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.store.BackupFile;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.backup.KubernetesBackupper;
import io.stowage.core.backup.NamedAction;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.LocationCatalog;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupRunner;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.core.run.StoreResolver;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import io.stowage.testkit.store.InMemoryObjectBackupStore;
import io.stowage.testkit.store.SharedStoreProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole backup path over an {@link EmbeddedKubernetes}: {@link Fabric8Cluster} → {@link
 * BackupService} (prepare → {@link KubernetesBackupper} → {@link BackupRunner} → {@code
 * BackupStore.putBackup}) into an in-memory object store, and what the backup left there, decoded.
 *
 * <p>One fixture per test class ({@link #start()} in {@code @BeforeAll}, {@link #close()} in
 * {@code @AfterAll}); {@link #reset()} before each test empties the cluster and the store. The
 * cluster starts without the default namespaces, so every test seeds exactly what it asserts on.
 */
final class BackupFixture implements AutoCloseable {
  static final String BUCKET = "bucket";
  static final String LOCATION = "default";
  static final String BACKUP_NAMESPACE = "velero";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EmbeddedKubernetes k8s;
  private InMemoryObjectBackupStore objects = new InMemoryObjectBackupStore();

  private BackupFixture(EmbeddedKubernetes k8s) {
    this.k8s = k8s;
  }

  static BackupFixture start() {
    return new BackupFixture(EmbeddedKubernetes.builder().defaultNamespaces(false).build().start());
  }

  /** Empties the cluster and the object store. */
  void reset() {
    k8s.reset();
    objects = new InMemoryObjectBackupStore();
  }

  EmbeddedKubernetes k8s() {
    return k8s;
  }

  BackupFixture seed(HasMetadata... objects) {
    k8s.seed(objects);
    return this;
  }

  BackupFixture seed(Iterable<? extends HasMetadata> objects) {
    k8s.seed(objects);
    return this;
  }

  /** The store the backups went to, with Velero's layout. */
  BackupStore store() {
    return objects.forLocation(BUCKET, "");
  }

  /** Every key in the bucket, sorted. */
  List<String> allKeys() {
    return objects.listObjects(BUCKET, "");
  }

  /** A backup named {@code nightly} with that spec, run with the defaults. */
  Run backup(Consumer<BackupSpec> spec) {
    return runner().spec(spec).run();
  }

  Runner runner() {
    return new Runner();
  }

  @Override
  public void close() {
    k8s.close();
  }

  /**
   * The default storage location: provider {@link SharedStoreProvider#NAME}, bucket {@code bucket}.
   */
  static BackupStorageLocation defaultLocation() {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(LOCATION);
    location.getMetadata().setNamespace(BACKUP_NAMESPACE);
    location.getSpec().setProvider(SharedStoreProvider.NAME);
    ObjectStorageLocation storage = new ObjectStorageLocation();
    storage.setBucket(BUCKET);
    location.getSpec().setObjectStorage(storage);
    return location;
  }

  /** One backup run, configured fluently. */
  final class Runner {
    private String name = "nightly";
    private Consumer<BackupSpec> spec = s -> {};
    private final List<NamedAction> actions = new ArrayList<>();
    private BackupperOptions options = BackupperOptions.DEFAULTS;
    private ProgressListener listener = ProgressListener.NONE;
    private LocationCatalog locations = new FixedLocationCatalog(List.of(defaultLocation()), null);
    private UnaryOperator<Cluster> clusterDecorator = UnaryOperator.identity();
    private boolean standardActions = true;

    Runner name(String value) {
      this.name = value;
      return this;
    }

    Runner spec(Consumer<BackupSpec> value) {
      this.spec = value;
      return this;
    }

    Runner actions(TestActions.Recording... value) {
      Arrays.stream(value).map(TestActions.Recording::named).forEach(actions::add);
      return this;
    }

    /**
     * Whether the item actions registered on the class path (the built-in {@code velero.io/*} ones
     * among them) run before the test actions, as {@code BackupServices} wires them. On by default,
     * so every test sees what a real backup does.
     */
    Runner standardActions(boolean on) {
      this.standardActions = on;
      return this;
    }

    Runner options(BackupperOptions value) {
      this.options = value;
      return this;
    }

    Runner listener(ProgressListener value) {
      this.listener = value;
      return this;
    }

    Runner locations(LocationCatalog value) {
      this.locations = value;
      return this;
    }

    /** Wraps the cluster the backupper (not preparation) talks to. */
    Runner cluster(UnaryOperator<Cluster> decorator) {
      this.clusterDecorator = decorator;
      return this;
    }

    Run run() {
      Backup backup = new Backup();
      backup.getMetadata().setName(name);
      backup.getMetadata().setNamespace(BACKUP_NAMESPACE);
      spec.accept(backup.getSpec());
      Fabric8Cluster cluster = new Fabric8Cluster(k8s.client());
      Cluster backupCluster = clusterDecorator.apply(cluster);
      List<NamedAction> allActions = new ArrayList<>();
      if (standardActions) {
        for (BackupItemActionProvider provider : PluginRegistry.load().actions()) {
          allActions.add(
              new NamedAction(
                  provider.name(), provider.create(PluginContext.of(Map.of(), backupCluster))));
        }
      }
      allActions.addAll(actions);
      BackupService service =
          new BackupService(
              cluster,
              new BackupPreparer(PreparationDefaults.VELERO, Clock.systemUTC()),
              new BackupRunner(
                  new KubernetesBackupper(backupCluster, allActions, options),
                  Clock.systemUTC(),
                  null),
              new StoreResolver(
                  PluginRegistry.of(List.of(new SharedStoreProvider(objects))),
                  Optional.of(cluster)));
      List<BackupProgress> reports = new ArrayList<>();
      RunOutcome outcome =
          service.backup(
              backup,
              locations,
              progress -> {
                reports.add(progress);
                listener.onProgress(progress);
              });
      return new Run(name, outcome, store(), reports);
    }
  }

  /** One tar entry as read back. */
  record Entry(String name, int mode, boolean regularFile, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** What one backup produced, read back from the store. */
  static final class Run {
    private final String name;
    private final RunOutcome outcome;
    private final BackupStore store;
    private final List<BackupProgress> reports;
    private List<Entry> entries;

    Run(String name, RunOutcome outcome, BackupStore store, List<BackupProgress> reports) {
      this.name = name;
      this.outcome = outcome;
      this.store = store;
      this.reports = List.copyOf(reports);
    }

    RunOutcome outcome() {
      return outcome;
    }

    Backup backup() {
      return outcome.backup();
    }

    BackupStatus status() {
      return outcome.backup().getStatus();
    }

    BackupPhase phase() {
      return outcome.phase();
    }

    /** Progress reports the listener received, in order. */
    List<BackupProgress> progressReports() {
      return reports;
    }

    /** Every tar entry in stream order; empty when no tarball was stored. */
    List<Entry> entries() {
      if (entries == null) {
        entries = readEntries();
      }
      return entries;
    }

    List<String> entryNames() {
      return entries().stream().map(Entry::name).toList();
    }

    /** The unversioned item paths (the copies restore reads), in stream order. */
    List<String> items() {
      return entryNames().stream()
          .filter(n -> n.startsWith("resources/") && !n.contains("-preferredversion/"))
          .toList();
    }

    /** {@link #items()} sorted, for set-like comparisons with readable failures. */
    TreeSet<String> itemSet() {
      return new TreeSet<>(items());
    }

    /** The unversioned item paths of one group resource directory, in stream order. */
    List<String> items(String groupResource) {
      return items().stream()
          .filter(n -> n.startsWith("resources/" + groupResource + "/"))
          .toList();
    }

    Entry entry(String path) {
      return entries().stream()
          .filter(e -> e.name().equals(path))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no tar entry " + path + " in " + entryNames()));
    }

    /** The JSON body of one item. */
    JsonNode json(String path) {
      return JSON.readTree(entry(path).content());
    }

    /** Keys the store holds for this backup, sorted. */
    List<String> storeKeys() {
      return store.objects().listObjects(BUCKET, "backups/" + name + "/");
    }

    boolean stored() {
      return store.backupExists(name);
    }

    /** One stored file, raw. */
    byte[] file(BackupFile file) {
      try (InputStream in = store.get(name, file)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One gzipped stored file, decompressed, as text. */
    String gunzipped(BackupFile file) {
      return new String(gunzip(file(file)), StandardCharsets.UTF_8);
    }

    /** One gzipped JSON side file, parsed. */
    JsonNode sideFile(BackupFile file) {
      return JSON.readTree(gunzipped(file));
    }

    /** {@code velero-backup.json} as stored. */
    String metadataText() {
      return new String(file(BackupFile.METADATA), StandardCharsets.UTF_8);
    }

    /** The backup log, decompressed. */
    String log() {
      return gunzipped(BackupFile.LOG);
    }

    /** The resource list: type key to {@code ns/name} entries. */
    Map<String, List<String>> resourceList() {
      Map<String, List<String>> map = new LinkedHashMap<>();
      sideFile(BackupFile.RESOURCE_LIST)
          .properties()
          .forEach(
              e -> {
                List<String> names = new ArrayList<>();
                e.getValue().forEach(v -> names.add(v.asString()));
                map.put(e.getKey(), names);
              });
      return map;
    }

    private List<Entry> readEntries() {
      if (!store.backupExists(name)) {
        return List.of();
      }
      List<Entry> list = new ArrayList<>();
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(
              new GZIPInputStream(new ByteArrayInputStream(file(BackupFile.CONTENTS))))) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          list.add(new Entry(e.getName(), e.getMode(), e.isFile(), tar.readAllBytes()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return list;
    }

    private static byte[] gunzip(byte[] gz) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
