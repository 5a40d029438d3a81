package io.stowage.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.prepare.ClusterLocationCatalog;
import io.stowage.core.prepare.FixedLocationCatalog;
import io.stowage.core.prepare.LocationCatalog;
import io.stowage.core.prepare.Preparation;
import io.stowage.core.prepare.PreparationDefaults;
import io.stowage.core.run.BackupService;
import io.stowage.core.run.RunOutcome;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.KubernetesClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stowage backup create}: backs up the cluster of a kubeconfig into a store, in this
 * process, through the same {@code BackupService} path the controller takes; or, with {@code
 * --submit}, creates the Backup object for a backup server to run, as {@code velero backup create}
 * does, and with {@code --wait} follows it to its end.
 */
@Command(
    name = "create",
    description = {
      "Back up a Kubernetes cluster now, in this process, as a Velero backup; with --submit,"
          + " create the Backup object for a backup server ('stowage server' or Velero) instead.",
      "Shows progress (a bar on a terminal, else a timestamped line at most once a second),"
          + " then the final phase on its own line. Exit 0 Completed, 2 PartiallyFailed,"
          + " 1 Failed or FailedValidation, 64 usage error; with --submit, 0 once submitted"
          + " (and, with --wait, followed to its end), as velero."
    },
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    abbreviateSynopsis = true,
    sortOptions = false)
final class BackupCreateCommand implements Callable<Integer> {
  /** Velero's namespace, where storage locations are looked up. */
  static final String DEFAULT_NAMESPACE = "velero";

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "Name of the backup; overrides the manifest's.")
  String name;

  @Option(
      names = {"-f", "--from-file"},
      paramLabel = "<file>",
      description = "A velero.io/v1 Backup manifest, YAML or JSON; flags override its fields.")
  Path fromFile;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description = "Cluster to back up (default: KUBECONFIG, ~/.kube/config, in-cluster).")
  Path kubeconfig;

  @Option(
      names = "--store",
      paramLabel = "<uri>",
      description = {
        "Store for location 'default': file://<directory> or s3://<bucket>[/<prefix>]?region=...",
        "Without it, locations are looked up in the cluster as Velero does."
      })
  StoreUri store;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "<ns>",
      description =
          "Velero namespace of the Backup and its locations (default: the manifest's,"
              + " else "
              + DEFAULT_NAMESPACE
              + ").")
  String namespace;

  @Option(
      names = "--page-size",
      defaultValue = "500",
      paramLabel = "<n>",
      description = "Items per list request; 0 lists without paging (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--submit",
      description = {
        "Create the velero.io/v1 Backup in the cluster (namespace --namespace) for a running"
            + " backup server to process, and return; the server's storage locations apply."
      })
  boolean submit;

  @Option(
      names = "--wait",
      description = {
        "With --submit: follow the Backup's status.progress until the server has finished it."
            + " Without --submit the backup runs in this process, which always waits.",
        "As 'velero backup create --wait', it exits 0 once the backup has ended, whatever its"
            + " phase, and prints the phase last; the in-process run's exit code says how it"
            + " ended."
      })
  boolean wait;

  @Mixin BackupSpecOptions specOptions;

  @Override
  public Integer call() throws InterruptedException {
    if (pageSize < 0) {
      throw usage("--page-size must be 0 or more, got " + pageSize);
    }
    if (submit && store != null) {
      throw usage(
          "--store and --submit do not go together: a submitted Backup is stored where the"
              + " server's storage location says");
    }
    Backup backup = backupToCreate();
    return submit ? submit(backup) : runHere(backup);
  }

  /** Creates the Backup for a server; with {@code --wait}, follows it to a final phase. */
  private int submit(Backup backup) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String namespace = backup.getMetadata().getNamespace();
    String name = backup.getMetadata().getName();
    try (KubernetesClient client = KubernetesClients.create(kubeconfig)) {
      BackupWatch watch = new BackupWatch(client);
      watch.create(backup);
      out.println("Backup request \"" + name + "\" submitted successfully.");
      if (!wait) {
        out.println(
            "Run 'kubectl get backups.velero.io -n "
                + namespace
                + " "
                + name
                + " -o yaml' for its status, or submit with --wait to follow it.");
        return ExitCodes.OK;
      }
      out.println(
          "Waiting for backup to complete. You may safely press ctrl-c to stop waiting - your"
              + " backup will continue in the background.");
      out.flush();
      Backup done =
          watch.awaitFinished(
              namespace, name, new ProgressDisplay(out, StowageCli.terminal(spec), name), null);
      BackupStatus status = done.getStatus();
      out.printf(
          "Backup %s: %d items backed up, %d warnings, %d errors%n",
          name,
          status.getProgress() == null ? 0 : status.getProgress().getItemsBackedUp(),
          status.getWarnings(),
          status.getErrors());
      if (status.getFailureReason() != null) {
        spec.commandLine().getErr().println("Failure reason: " + status.getFailureReason());
      }
      if (status.getValidationErrors() != null) {
        status
            .getValidationErrors()
            .forEach(m -> spec.commandLine().getErr().println("Validation error: " + m));
      }
      out.println(
          "Backup completed with status: "
              + status.phaseOrNew()
              + ". You may check for more information using the commands 'stowage backup"
              + " describe "
              + name
              + " --store <uri>' and 'stowage backup logs "
              + name
              + " --store <uri>'.");
      out.println("Phase: " + status.phaseOrNew());
      // Velero's CLI exits 0 whatever the phase: the request was made and followed to its end.
      return ExitCodes.OK;
    }
  }

  /** Prepares and runs the backup in this process, showing its progress. */
  private int runHere(Backup backup) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Plugins plugins = StowageCli.plugins(spec);
        KubernetesClient client = KubernetesClients.create(kubeconfig)) {
      Fabric8Cluster cluster = new Fabric8Cluster(client);
      BackupService service = service(cluster, plugins.registry(), pageSize);
      Preparation preparation =
          service.prepare(backup, locations(cluster, backup.getMetadata().getNamespace(), store));
      if (!preparation.valid()) {
        preparation.validationErrors().forEach(m -> err.println("Validation error: " + m));
        return finish(out, preparation.backup());
      }
      ProgressDisplay display =
          new ProgressDisplay(out, StowageCli.terminal(spec), backup.getMetadata().getName());
      RunOutcome outcome;
      try {
        outcome = service.run(preparation, p -> display.update(p.itemsBackedUp(), p.totalItems()));
      } finally {
        display.finish();
      }
      report(out, err, outcome);
      return finish(out, outcome.backup());
    }
  }

  /** The manifest (if any) with the name, namespace and flags applied, as a new object. */
  private Backup backupToCreate() {
    Backup backup;
    try {
      backup = fromFile == null ? new Backup() : BackupManifest.read(fromFile);
      specOptions.applyTo(backup);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    NewBackup.resetServerFields(backup);
    if (name != null) {
      backup.getMetadata().setName(name);
    }
    try {
      NewBackup.assignName(backup);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (namespace != null || backup.getMetadata().getNamespace() == null) {
      backup.getMetadata().setNamespace(namespace != null ? namespace : DEFAULT_NAMESPACE);
    }
    return backup;
  }

  /**
   * Velero's locations in {@code veleroNamespace}; with a {@code store}, that store stands for the
   * location named {@code default} (and is the one marked default), other names still come from the
   * cluster. Nothing is read from the cluster unless preparation asks.
   *
   * @param store the {@code --store} URI, or null to take every location from the cluster
   */
  static LocationCatalog locations(Fabric8Cluster cluster, String veleroNamespace, StoreUri store) {
    LocationCatalog clusterLocations = new ClusterLocationCatalog(cluster, veleroNamespace);
    if (store == null) {
      return clusterLocations;
    }
    BackupStorageLocation location = store.toLocation(StoreUri.LOCATION_NAME, veleroNamespace);
    location.getSpec().setDefault(true);
    return new FixedLocationCatalog(List.of(location), clusterLocations);
  }

  private void report(PrintWriter out, PrintWriter err, RunOutcome outcome) {
    Backup backup = outcome.backup();
    BackupStatus status = backup.getStatus();
    String backupName = backup.getMetadata().getName();
    if (outcome.result() != null) {
      out.printf(
          "Backup %s: %d items backed up, %d warnings, %d errors%n",
          backupName, outcome.result().itemsBackedUp(), status.getWarnings(), status.getErrors());
    }
    if (status.getFailureReason() != null) {
      err.println("Failure reason: " + status.getFailureReason());
    }
    if (outcome.result() != null && (status.getErrors() > 0 || status.getWarnings() > 0)) {
      String storeArg = " --store " + (store == null ? "<uri>" : store);
      err.println(
          "See 'stowage backup describe "
              + backupName
              + " --details"
              + storeArg
              + "' or 'stowage backup logs "
              + backupName
              + storeArg
              + "' for the messages.");
    }
  }

  private static int finish(PrintWriter out, Backup backup) {
    out.println("Phase: " + backup.getStatus().phaseOrNew());
    return ExitCodes.forPhase(backup.getStatus().getPhase());
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * The standard backup path for a cluster with the given plugins, lists paged by {@code pageSize}.
   */
  static BackupService service(Cluster cluster, PluginRegistry registry, int pageSize) {
    return BackupServices.standard(
        cluster,
        registry,
        PreparationDefaults.VELERO,
        BackupperOptions.DEFAULTS.withPageSize(pageSize),
        null);
  }
}
