package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An embedded Kubernetes API server for tests, demos and benchmarks: fabric8's mock server in CRUD
 * mode with a {@link RealisticCrudDispatcher}, on plain HTTP at {@code 127.0.0.1} and an ephemeral
 * (or chosen) port.
 *
 * <pre>{@code
 * try (EmbeddedKubernetes k8s = EmbeddedKubernetes.builder().build().start()) {
 *   k8s.seed(new ConfigMapBuilder().withNewMetadata().withName("a").withNamespace("ns")
 *       .endMetadata().build());
 *   k8s.setExecHandler((ns, pod, container, cmd) -> ExecResult.success("frozen\n"));
 *   KubernetesClient client = k8s.client();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it models and what it does not is described on {@link RealisticCrudDispatcher}. It is
 * quiet: the mock's {@code java.util.logging} output is limited to warnings. To run it in a process
 * of its own, see {@link #main(String[])}.
 *
 * <p>Thread safety: all methods may be called from any thread.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final List<Logger> QUIET_LOGGERS =
      List.of(Logger.getLogger("io.fabric8.mockwebserver"), Logger.getLogger("io.fabric8"));

  private static final long FORGET_REQUESTS_EVERY_SECONDS = 10;

  private static final InetAddress LOOPBACK = ipv4Loopback();

  private final int requestedPort;
  private final boolean defaultNamespaces;
  private final RealisticCrudDispatcher dispatcher;
  private MockWebServer webServer;
  private KubernetesMockServer server;
  private ScheduledExecutorService housekeeping;
  private KubernetesClient sharedClient;
  private boolean closed;

  private EmbeddedKubernetes(Builder builder) {
    requestedPort = builder.port;
    defaultNamespaces = builder.defaultNamespaces;
    dispatcher = new RealisticCrudDispatcher(builder.gitVersion);
  }

  /** A server with the defaults: ephemeral port, {@code v1.32.0}, default namespaces. */
  public EmbeddedKubernetes() {
    this(builder());
  }

  /** Options for a server: port, reported version, default namespaces. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving. The store then holds the namespaces {@code default} and {@code kube-system}
   * unless the builder turned them off.
   *
   * @return this server
   * @throws IllegalStateException if already started or closed, or if the port cannot be bound
   */
  public synchronized EmbeddedKubernetes start() {
    if (server != null || closed) {
      throw new IllegalStateException(
          closed ? "this EmbeddedKubernetes is closed" : "start() was already called");
    }
    QUIET_LOGGERS.forEach(l -> l.setLevel(Level.WARNING));
    webServer = new MockWebServer();
    // The JDK HTTP client probes for h2c; plain HTTP/1.1 keeps large responses deterministic.
    webServer.setHttp2ClearTextEnabled(false);
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()), webServer, new HashMap<>(), dispatcher, false);
    try {
      server.start(LOOPBACK, requestedPort);
    } catch (RuntimeException e) {
      server.shutdown();
      server = null;
      throw e;
    }
    housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "embedded-k8s-housekeeping");
              t.setDaemon(true);
              return t;
            });
    // The mock web server records every request it has seen; a long-lived server must forget them.
    MockWebServer recorder = webServer;
    housekeeping.scheduleWithFixedDelay(
        recorder::reset,
        FORGET_REQUESTS_EVERY_SECONDS,
        FORGET_REQUESTS_EVERY_SECONDS,
        TimeUnit.SECONDS);
    if (defaultNamespaces) {
      seedDefaultNamespaces();
    }
    return this;
  }

  /**
   * The server URL without trailing slash, e.g. {@code http://127.0.0.1:34567}.
   *
   * @throws IllegalStateException if not started
   */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * The port the server listens on.
   *
   * @throws IllegalStateException if not started
   */
  public synchronized int port() {
    requireStarted();
    return server.getPort();
  }

  /**
   * A client for this server, created on first use and closed by {@link #close()}: the same
   * instance every time. It uses fabric8's JDK HTTP client, namespace {@code default}, a dummy
   * token, and ignores any kubeconfig or environment of the machine.
   *
   * @throws IllegalStateException if not started
   */
  public synchronized KubernetesClient client() {
    requireStarted();
    if (sharedClient == null) {
      sharedClient = newClient();
    }
    return sharedClient;
  }

  /**
   * A new client like {@link #client()}, owned by the caller, who closes it.
   *
   * @throws IllegalStateException if not started
   */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder()
        .withConfig(clientConfig())
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /**
   * The configuration {@link #client()} uses, for building clients of one's own.
   *
   * @throws IllegalStateException if not started
   */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withOauthToken(KubeconfigWriter.DEFAULT_TOKEN)
        .withNamespace("default")
        .withHttp2Disable(true)
        .build();
  }

  /**
   * Writes a kubeconfig for this server (server {@code http://127.0.0.1:<port>}, a dummy token, a
   * current context with namespace {@code default}); see {@link KubeconfigWriter}.
   *
   * @return {@code file}
   * @throws IllegalStateException if not started
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public Path writeKubeconfig(Path file) {
    return KubeconfigWriter.write(file, url());
  }

  /**
   * Puts objects straight into the store, without HTTP; see {@link
   * RealisticCrudDispatcher#seed(Iterable)} for what is filled in.
   *
   * @return this server
   */
  public EmbeddedKubernetes seed(HasMetadata... objects) {
    dispatcher.seed(objects);
    return this;
  }

  /**
   * Puts many objects straight into the store, without HTTP; the iterable may be lazy. See {@link
   * RealisticCrudDispatcher#seed(Iterable)}.
   *
   * @return this server
   */
  public EmbeddedKubernetes seed(Iterable<? extends HasMetadata> objects) {
    dispatcher.seed(objects);
    return this;
  }

  /**
   * Routes {@code pods/exec} requests to {@code handler}; null restores the default (exit 0, no
   * output). See {@link ExecHandler}.
   *
   * @return this server
   */
  public EmbeddedKubernetes setExecHandler(ExecHandler handler) {
    dispatcher.setExecHandler(handler);
    return this;
  }

  /**
   * Empties the store (and forgets CRD resources), then seeds the default namespaces again if they
   * are on; for test classes that share one server between tests.
   *
   * @throws IllegalStateException if not started
   */
  public synchronized void reset() {
    requireStarted();
    dispatcher.reset();
    if (defaultNamespaces) {
      seedDefaultNamespaces();
    }
  }

  /** The dispatcher serving this server, for what this class does not expose. */
  public RealisticCrudDispatcher dispatcher() {
    return dispatcher;
  }

  /** Closes the shared client and stops the server. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (sharedClient != null) {
      sharedClient.close();
    }
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    if (server != null) {
      server.shutdown();
    } else {
      dispatcher.releaseResources();
    }
  }

  /**
   * Runs a server in this process until it is killed; for benchmarks and demos that need the server
   * in a process of its own. Prints the URL on the first line of standard output, details on
   * standard error.
   *
   * <pre>
   * --kubeconfig PATH     write a kubeconfig for the server to PATH
   * --configmaps N        seed N ConfigMaps (default 0) ...
   * --namespaces K        ... spread over K namespaces bench-0..bench-(K-1) (default 1)
   * --payload-bytes B     ... each with a data payload of B bytes (default 1024)
   * --port P              listen on port P (default: ephemeral)
   * --git-version V       report version V (default v1.32.0)
   * --no-default-namespaces  do not create default and kube-system
   * </pre>
   */
  public static void main(String[] args) throws InterruptedException {
    StandaloneServer.main(args);
  }

  private void seedDefaultNamespaces() {
    dispatcher.seed(namespace("default"), namespace("kube-system"));
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/metadata.name", name)
        .endMetadata()
        .withNewSpec()
        .withFinalizers("kubernetes")
        .endSpec()
        .withNewStatus()
        .withPhase("Active")
        .endStatus()
        .build();
  }

  private static InetAddress ipv4Loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e); // cannot happen: the address is literal
    }
  }

  private void requireStarted() {
    if (server == null || closed) {
      throw new IllegalStateException(
          closed ? "this EmbeddedKubernetes is closed" : "call start() first");
    }
  }

  /** Options for an {@link EmbeddedKubernetes}. */
  public static final class Builder {
    private int port;
    private String gitVersion = RealisticCrudDispatcher.DEFAULT_GIT_VERSION;
    private boolean defaultNamespaces = true;

    private Builder() {}

    /**
     * Listens on {@code port} instead of an ephemeral one.
     *
     * @param port 1..65535, or 0 for ephemeral
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Reports {@code gitVersion} from {@code /version} (major and minor derived from it).
     *
     * @param gitVersion e.g. {@code v1.31.4}
     */
    public Builder gitVersion(String gitVersion) {
      this.gitVersion = Objects.requireNonNull(gitVersion, "gitVersion");
      return this;
    }

    /** Whether namespaces {@code default} and {@code kube-system} exist from the start (yes). */
    public Builder defaultNamespaces(boolean enabled) {
      this.defaultNamespaces = enabled;
      return this;
    }

    /**
     * A server with these options, not yet started.
     *
     * @throws IllegalArgumentException if the git version does not look like {@code v1.32.0}
     */
    public EmbeddedKubernetes build() {
      return new EmbeddedKubernetes(this);
    }
  }
}
