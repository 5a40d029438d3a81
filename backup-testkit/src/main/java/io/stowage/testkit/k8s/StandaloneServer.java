package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of {@link EmbeddedKubernetes#main(String[])}: parses options, starts a seeded
 * server, writes the kubeconfig, prints the URL, and keeps running until the process is killed.
 */
final class StandaloneServer {

  /** Parsed command-line options. */
  record Options(
      int port,
      String gitVersion,
      boolean defaultNamespaces,
      Path kubeconfig,
      int configMaps,
      int namespaces,
      int payloadBytes) {}

  private static final String USAGE =
      "usage: EmbeddedKubernetes [--kubeconfig PATH] [--configmaps N] [--namespaces K]"
          + " [--payload-bytes B] [--port P] [--git-version V] [--no-default-namespaces]";
  private static final String PAYLOAD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private StandaloneServer() {}

  static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    EmbeddedKubernetes k8s = start(options, System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(k8s::close, "embedded-k8s-shutdown"));
    System.out.println(k8s.url());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }

  /**
   * Starts and seeds a server as the options say, writes the kubeconfig if asked, and reports on
   * {@code log}.
   */
  static EmbeddedKubernetes start(Options options, PrintStream log) {
    long started = System.nanoTime();
    EmbeddedKubernetes k8s =
        EmbeddedKubernetes.builder()
            .port(options.port())
            .gitVersion(options.gitVersion())
            .defaultNamespaces(options.defaultNamespaces())
            .build()
            .start();
    try {
      if (options.configMaps() > 0) {
        k8s.seed(benchmarkNamespaces(options.namespaces()));
        k8s.seed(() -> configMaps(options));
        log.printf(
            "seeded %d ConfigMaps of %d payload bytes over %d namespaces%n",
            options.configMaps(), options.payloadBytes(), options.namespaces());
      }
      if (options.kubeconfig() != null) {
        k8s.writeKubeconfig(options.kubeconfig());
        log.printf("export KUBECONFIG=%s%n", options.kubeconfig().toAbsolutePath());
      }
      log.printf(
          "embedded Kubernetes API at %s, ready in %d ms%n",
          k8s.url(), (System.nanoTime() - started) / 1_000_000);
      return k8s;
    } catch (RuntimeException e) {
      k8s.close();
      throw e;
    }
  }

  static Options parse(String[] args) {
    int port = 0;
    String gitVersion = RealisticCrudDispatcher.DEFAULT_GIT_VERSION;
    boolean defaultNamespaces = true;
    Path kubeconfig = null;
    int configMaps = 0;
    int namespaces = 1;
    int payloadBytes = 1024;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port":
          port = number(arg, value(args, ++i, arg), 0, 65535);
          break;
        case "--git-version":
          gitVersion = value(args, ++i, arg);
          break;
        case "--no-default-namespaces":
          defaultNamespaces = false;
          break;
        case "--kubeconfig":
          kubeconfig = Path.of(value(args, ++i, arg));
          break;
        case "--configmaps":
          configMaps = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
          break;
        case "--namespaces":
          namespaces = number(arg, value(args, ++i, arg), 1, 100_000);
          break;
        case "--payload-bytes":
          payloadBytes = number(arg, value(args, ++i, arg), 0, 1 << 20);
          break;
        default:
          throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    return new Options(
        port, gitVersion, defaultNamespaces, kubeconfig, configMaps, namespaces, payloadBytes);
  }

  private static List<HasMetadata> benchmarkNamespaces(int count) {
    List<HasMetadata> namespaces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      namespaces.add(
          new NamespaceBuilder()
              .withNewMetadata()
              .withName(namespaceName(i))
              .addToLabels("kubernetes.io/metadata.name", namespaceName(i))
              .endMetadata()
              .withNewStatus()
              .withPhase("Active")
              .endStatus()
              .build());
    }
    return namespaces;
  }

  /** ConfigMaps generated on demand, so that a million never sit in memory as objects. */
  private static Iterator<HasMetadata> configMaps(Options options) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < options.configMaps();
      }

      @Override
      public HasMetadata next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return configMap(i, namespaceName(i % options.namespaces()), options.payloadBytes());
      }
    };
  }

  private static ConfigMap configMap(int index, String namespace, int payloadBytes) {
    // Pseudo-random text: compresses like real data would, unlike a repeated pattern.
    SplittableRandom random = new SplittableRandom(index);
    StringBuilder payload = new StringBuilder(payloadBytes);
    for (int i = 0; i < payloadBytes; i++) {
      payload.append(PAYLOAD_ALPHABET.charAt(random.nextInt(PAYLOAD_ALPHABET.length())));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(String.format("cm-%07d", index))
        .withNamespace(namespace)
        .addToLabels("app", "bench")
        .addToLabels("shard", String.valueOf(index % 10))
        .endMetadata()
        .addToData("payload", payload.toString())
        .build();
  }

  private static String namespaceName(int index) {
    return "bench-" + index;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be " + min + ".." + max + ": " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number: " + value, e);
    }
  }
}
