package io.stowage.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.core.backup.BackupperOptions;
import io.stowage.k8s.Fabric8Cluster;
import io.stowage.k8s.KubernetesClients;
import io.stowage.k8s.controller.BackupController;
import io.stowage.k8s.controller.BackupMetrics;
import io.stowage.k8s.controller.CrdInstaller;
import io.stowage.k8s.controller.LeaderElectionSettings;
import io.stowage.k8s.controller.MetricsServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stowage server}: Velero's backup server in this JVM. Watches {@code backups.velero.io} in
 * the Velero namespace and runs every new Backup to its end, with Velero's metrics on {@code
 * /metrics}, until stopped (Ctrl-C or SIGTERM, which lets a running backup finish within the
 * shutdown bound).
 */
@Command(
    name = "server",
    description = "Run the backup controller until stopped: watch Backups and run them.",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    sortOptions = false)
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description = "Kubeconfig of the cluster; default KUBECONFIG, ~/.kube/config or in-cluster.")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = BackupController.DEFAULT_NAMESPACE,
      description = "Namespace of the Backups and storage locations (default ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--metrics-port",
      defaultValue = "" + MetricsServer.VELERO_PORT,
      description =
          "Port of the Prometheus /metrics endpoint, 0 for any (default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description = "Backups run at once (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--install-crds",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Create or update the velero.io/v1 CRDs at start (default ${DEFAULT-VALUE}).")
  boolean installCrds;

  @Option(
      names = "--shutdown-timeout",
      defaultValue = "30s",
      description =
          "How long a running backup may take to finish on stop (default ${DEFAULT-VALUE}).")
  GoDuration shutdownTimeout;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Duration timeout = shutdownTimeout.toDuration();
    try (Plugins plugins = StowageCli.plugins(spec);
        KubernetesClient client = KubernetesClients.create(kubeconfig)) {
      if (installCrds) {
        out.println("CRDs applied: " + String.join(", ", CrdInstaller.apply(client)));
      }
      BackupMetrics metrics = BackupMetrics.prometheus();
      BackupController controller =
          BackupController.builder()
              .client(client)
              .namespace(namespace)
              .workers(workers)
              .service(
                  BackupCreateCommand.service(
                      new Fabric8Cluster(client),
                      plugins.registry(),
                      BackupperOptions.DEFAULTS.pageSize()))
              .listener(metrics)
              .leaderElection(LeaderElectionSettings.defaults())
              .build();
      try (MetricsServer server =
          MetricsServer.start(new InetSocketAddress(metricsPort), metrics::scrape)) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      controller.stop(timeout);
                      stopped.countDown();
                    },
                    "stowage-server-shutdown"));
        controller.start();
        out.println(
            "Stowage server "
                + controller.identity()
                + " watching Backups in namespace "
                + namespace
                + "; metrics on http://127.0.0.1:"
                + server.port()
                + "/metrics");
        out.flush();
        stopped.await();
      }
    }
    return ExitCodes.OK;
  }
}
