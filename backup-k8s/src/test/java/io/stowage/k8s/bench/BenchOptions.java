package io.stowage.k8s.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@link BackupBenchmark}.
 *
 * @param configMaps N: ConfigMaps the server holds (seeded when the benchmark starts it)
 * @param namespaces K: namespaces they are spread over
 * @param pageSize list page size (Velero's {@code --client-page-size}; kubectl's chunk size)
 * @param kubeconfig an existing server's kubeconfig, or null to start one
 * @param payloadBytes bytes of data per ConfigMap (when seeding)
 * @param runs backups in this JVM: the first is cold, the others warm
 * @param serverHeap {@code -Xmx} of the server's JVM
 * @param work directory for the store and temporary files (only what the run writes there is
 *     deleted at the end), or null for a fresh temporary directory (deleted at the end)
 * @param kubectl whether to time kubectl
 * @param splits whether to time the list, list + encode and list + encode + tar.gz splits
 * @param prefetch whether the backup reads list pages through {@code PrefetchingCluster}
 * @param keep keep the work directory (the store with its backups) at the end
 * @param includedResources the Backup's {@code spec.includedResources}; empty for no filter
 */
record BenchOptions(
    int configMaps,
    int namespaces,
    int pageSize,
    Path kubeconfig,
    int payloadBytes,
    int runs,
    String serverHeap,
    Path work,
    boolean kubectl,
    boolean splits,
    boolean prefetch,
    boolean keep,
    List<String> includedResources) {

  static final String USAGE =
      "usage: BackupBenchmark N K PAGE_SIZE (start | KUBECONFIG) [--runs R] [--payload-bytes B]"
          + " [--server-heap 1g] [--work DIR] [--no-kubectl] [--no-splits] [--prefetch | --no-prefetch]"
          + " [--include-resources R1,R2] [--keep]";

  static BenchOptions parse(String[] args) {
    if (args.length < 4) {
      throw new IllegalArgumentException("need N, K, PAGE_SIZE and (start | KUBECONFIG)");
    }
    int configMaps = number("N", args[0], 0);
    int namespaces = number("K", args[1], 1);
    int pageSize = number("PAGE_SIZE", args[2], 0);
    Path kubeconfig = "start".equals(args[3]) ? null : Path.of(args[3]);
    int payloadBytes = 1024;
    int runs = 2;
    String serverHeap = "1g";
    Path work = null;
    boolean kubectl = true;
    boolean splits = true;
    boolean prefetch = true;
    boolean keep = false;
    List<String> includedResources = List.of();
    for (int i = 4; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = number("--runs", value(args, ++i), 1);
        case "--payload-bytes" -> payloadBytes = number("--payload-bytes", value(args, ++i), 0);
        case "--server-heap" -> serverHeap = value(args, ++i);
        case "--work" -> work = Path.of(value(args, ++i));
        case "--no-kubectl" -> kubectl = false;
        case "--no-splits" -> splits = false;
        case "--prefetch" -> prefetch = true;
        case "--no-prefetch" -> prefetch = false;
        case "--keep" -> keep = true;
        case "--include-resources" -> includedResources = List.of(value(args, ++i).split(","));
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    return new BenchOptions(
        configMaps,
        namespaces,
        pageSize,
        kubeconfig,
        payloadBytes,
        runs,
        serverHeap,
        work,
        kubectl,
        splits,
        prefetch,
        keep,
        includedResources);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  private static int number(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number: " + value, e);
    }
  }
}
