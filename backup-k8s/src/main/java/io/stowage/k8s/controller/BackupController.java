package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.core.prepare.ClusterLocationCatalog;
import io.stowage.core.run.BackupService;
import io.stowage.k8s.BackupServices;
import io.stowage.k8s.Fabric8Cluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Velero's backup server inside a Java process: watches {@code backups.velero.io} in one namespace
 * and processes each new Backup as Velero does, writing its status, progress and metrics.
 *
 * <pre>{@code
 * KubernetesClient client = KubernetesClients.create(null);
 * CrdInstaller.apply(client);                       // optional: velero.io/v1 CRDs
 * BackupMetrics metrics = BackupMetrics.prometheus();
 * BackupController controller =
 *     BackupController.builder()
 *         .client(client)
 *         .namespace("velero")
 *         .workers(1)
 *         .listener(metrics)
 *         .leaderElection(LeaderElectionSettings.defaults())
 *         .build();
 * MetricsServer server = MetricsServer.start(new InetSocketAddress(8085), metrics::scrape);
 * controller.installShutdownHook(Duration.ofMinutes(1));
 * controller.start();
 * }</pre>
 *
 * <p><b>What it does.</b> A shared informer queues Backups in phase {@code ""} or {@code New} on a
 * rate-limited, de-duplicating work queue (informer resync every minute by default); {@code
 * workers} threads take keys and run Velero's {@code processBackup}: read again, prepare and
 * validate, write the prepared spec and then {@code FailedValidation} or {@code InProgress} with
 * optimistic concurrency (a 409 means another worker or replica has it), run and persist through
 * {@link BackupService}, write progress while it runs and the final status at the end. Backups
 * whose namespaces overlap run one after the other. Errors before a Backup is InProgress are
 * retried with exponential back-off; once InProgress, a Backup always ends in a final status,
 * Failed with a reason when something threw.
 *
 * <p><b>Restarts and replicas.</b> With leader election (the default), replicas sharing the Lease
 * elect one that processes backups; a replica that loses the Lease stops taking new work (a backup
 * it runs goes on to its end) and campaigns again. When a replica starts leading, Backups left
 * InProgress by a process that stopped become Failed with a reason saying so.
 *
 * <p><b>Shutdown.</b> {@link #stop(Duration)} stops taking work, waits for running backups up to
 * the bound, marks those still running Failed with a reason, interrupts them and releases the
 * Lease.
 *
 * <p>The client belongs to the caller, who closes it after {@link #stop}. Thread-safe.
 */
public final class BackupController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackupController.class);

  /** Velero's namespace. */
  public static final String DEFAULT_NAMESPACE = "velero";

  /** The bound {@link #close()} gives running backups. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);

  private enum State {
    NEW,
    STARTED,
    STOPPED
  }

  private final ControllerSettings settings;
  private final BackupResources resources;
  private final BackupProcessor processor;
  private final RunningBackups tracker;
  private final InterruptedBackups interrupted;
  private final BackupListener listener;
  private final LeaseElection election;
  private final String identity;
  private final ExecutorService lifecycle;
  private State state = State.NEW;
  private ProcessingLoop loop;
  private final List<ProcessingLoop> retired = new ArrayList<>();

  private BackupController(Builder builder) {
    this.settings =
        new ControllerSettings(
            builder.namespace,
            builder.workers,
            builder.resyncPeriod,
            builder.metricsInitialDelay,
            builder.retryBase,
            builder.retryMax,
            builder.maxAttempts,
            builder.finalStatusTimeout);
    KubernetesClient client = builder.client;
    Clock clock = builder.clock;
    BackupService service =
        builder.service != null ? builder.service : BackupServices.standard(client);
    this.listener = new GuardedListener(builder.listener);
    this.resources = new BackupResources(client, settings.namespace());
    this.tracker = new RunningBackups();
    this.interrupted = new InterruptedBackups(resources, tracker, listener, clock);
    BackupExecution execution =
        new BackupExecution(
            resources, service, tracker, listener, clock, settings.finalStatusTimeout());
    this.processor =
        new BackupProcessor(
            resources,
            service,
            new ClusterLocationCatalog(new Fabric8Cluster(client), settings.namespace()),
            tracker,
            execution,
            listener,
            clock);
    this.lifecycle =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "stowage-controller-lifecycle");
              t.setDaemon(true);
              return t;
            });
    if (builder.leaderElection != null) {
      this.identity = builder.leaderElection.identity();
      this.election =
          new LeaseElection(
              client,
              settings.namespace(),
              builder.leaderElection,
              this::startLeading,
              this::stopLeading,
              lifecycle);
    } else {
      this.identity = "";
      this.election = null;
    }
  }

  /** Options of a controller; {@link Builder#client} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A controller for {@code client} with everything else at its default: namespace {@code velero},
   * one worker, the standard {@link BackupService}, leader election with a generated identity.
   */
  public static BackupController create(KubernetesClient client, BackupListener listener) {
    return builder().client(client).listener(listener).build();
  }

  /**
   * Starts. Without leader election the loop runs when this returns; with it, the loop starts once
   * this replica leads.
   *
   * @throws IllegalStateException if already started or stopped
   */
  public void start() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("the controller was already " + state.name().toLowerCase());
      }
      state = State.STARTED;
    }
    LOG.info(
        "backup controller starting in namespace {} with {} worker(s){}",
        settings.namespace(),
        settings.workers(),
        election == null ? ", without leader election" : ", as " + identity);
    if (election == null) {
      startLeading();
    } else {
      election.start();
    }
  }

  /**
   * Stops: no new work; running backups get until {@code timeout} to finish, then are marked Failed
   * (with a reason naming the shutdown) and interrupted; the Lease is released. Idempotent.
   *
   * @return {@code true} when no backup had to be abandoned
   */
  public boolean stop(Duration timeout) {
    requireNonNull(timeout, "timeout is null");
    List<ProcessingLoop> loops;
    synchronized (this) {
      if (state == State.STOPPED) {
        return true;
      }
      state = State.STOPPED;
      if (loop != null) {
        loop.stopTakingWork();
        retired.add(loop);
        loop = null;
      }
      loops = List.copyOf(retired);
    }
    Instant deadline = Instant.now().plus(timeout);
    boolean finished = awaitAll(loops, deadline);
    if (!finished) {
      String reason =
          "the Stowage server stopped before the backup finished (it waited "
              + timeout.toSeconds()
              + "s for it)";
      for (BackupKey key : tracker.keys()) {
        if (tracker.abandon(key)) {
          interrupted.abandon(key, reason);
        }
      }
      loops.forEach(ProcessingLoop::interruptWorkers);
      awaitAll(loops, Instant.now().plus(INTERRUPT_GRACE));
    }
    if (election != null) {
      election.stop();
    }
    lifecycle.shutdown();
    try {
      lifecycle.awaitTermination(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("backup controller stopped{}", finished ? "" : " (running backups marked Failed)");
    return finished;
  }

  /** {@link #stop(Duration)} with {@link #DEFAULT_SHUTDOWN_TIMEOUT}. */
  @Override
  public void close() {
    stop(DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /** Registers a JVM shutdown hook that calls {@link #stop(Duration)}; returns the hook thread. */
  public Thread installShutdownHook(Duration timeout) {
    requireNonNull(timeout, "timeout is null");
    Thread hook = new Thread(() -> stop(timeout), "stowage-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** {@code true} while this replica processes backups (always, once started, without election). */
  public synchronized boolean isProcessing() {
    return loop != null;
  }

  /** {@code true} while this replica holds the Lease (without election: while processing). */
  public boolean isLeader() {
    return election == null ? isProcessing() : election.isLeader();
  }

  /** This replica's identity in the Lease; {@code ""} without leader election. */
  public String identity() {
    return identity;
  }

  /** The namespace watched. */
  public String namespace() {
    return settings.namespace();
  }

  /** Backups this process runs now. */
  public int runningBackups() {
    return tracker.count();
  }

  private void startLeading() {
    synchronized (this) {
      if (state != State.STARTED || loop != null) {
        return;
      }
    }
    sweepInterrupted();
    synchronized (this) {
      if (state != State.STARTED || loop != null) {
        return;
      }
      ProcessingLoop next = new ProcessingLoop(resources, processor, tracker, listener, settings);
      try {
        next.start();
      } catch (RuntimeException e) {
        next.stopTakingWork();
        LOG.error("backup controller cannot start watching Backups: {}", e.toString(), e);
        return;
      }
      loop = next;
    }
    LOG.info("backup controller processes Backups in namespace {}", settings.namespace());
  }

  private void sweepInterrupted() {
    try {
      int marked = interrupted.sweep();
      if (marked > 0) {
        LOG.warn("{} backup(s) left InProgress by a stopped server marked Failed", marked);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot look for Backups left InProgress ({}); they are looked for again at the next"
              + " leadership",
          e.getMessage());
    }
  }

  private synchronized void stopLeading() {
    if (loop != null) {
      loop.stopTakingWork();
      retired.add(loop);
      loop = null;
      LOG.info("backup controller takes no new work: it no longer leads");
    }
  }

  private static boolean awaitAll(List<ProcessingLoop> loops, Instant deadline) {
    boolean all = true;
    for (ProcessingLoop each : loops) {
      try {
        all &= each.awaitWorkers(Duration.between(Instant.now(), deadline));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return all;
  }

  /** Options of a {@link BackupController}. */
  public static final class Builder {
    private KubernetesClient client;
    private String namespace = DEFAULT_NAMESPACE;
    private int workers = 1;
    private BackupService service;
    private BackupListener listener = BackupListener.NOOP;
    private LeaderElectionSettings leaderElection;
    private boolean electLeader = true;
    private Duration resyncPeriod = Duration.ofMinutes(1);
    private Duration metricsInitialDelay = Duration.ofSeconds(5);
    private Duration retryBase = Duration.ofMillis(500);
    private Duration retryMax = Duration.ofMinutes(5);
    private int maxAttempts = 10;
    private Duration finalStatusTimeout = Duration.ofMinutes(2);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The cluster (required); the caller keeps ownership and closes it. */
    public Builder client(KubernetesClient client) {
      this.client = requireNonNull(client, "client is null");
      return this;
    }

    /** Velero's namespace: Backups, locations and the Lease; default {@code velero}. */
    public Builder namespace(String namespace) {
      requireNonNull(namespace, "namespace is null");
      if (namespace.isBlank()) {
        throw new IllegalArgumentException("namespace must not be blank");
      }
      this.namespace = namespace;
      return this;
    }

    /**
     * Threads processing backups, at least 1; default 1 (Velero's {@code --concurrent-backups}).
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** How backups are prepared and run; default {@link BackupServices#standard}. */
    public Builder service(BackupService service) {
      this.service = requireNonNull(service, "service is null");
      return this;
    }

    /** Observer of starts, ends and resyncs, such as {@link BackupMetrics}; default none. */
    public Builder listener(BackupListener listener) {
      this.listener = requireNonNull(listener, "listener is null");
      return this;
    }

    /** Leader election settings; default {@link LeaderElectionSettings#defaults()}. */
    public Builder leaderElection(LeaderElectionSettings settings) {
      this.leaderElection = requireNonNull(settings, "settings is null");
      this.electLeader = true;
      return this;
    }

    /** Runs without leader election: for a single replica only. */
    public Builder withoutLeaderElection() {
      this.leaderElection = null;
      this.electLeader = false;
      return this;
    }

    /** Informer and metric resync period; default one minute. */
    public Builder resyncPeriod(Duration period) {
      this.resyncPeriod = positive(period, "resyncPeriod");
      return this;
    }

    /** Delay of the first metric resync; default 5 s (capped at the resync period). */
    public Builder metricsInitialDelay(Duration delay) {
      requireNonNull(delay, "delay is null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("metricsInitialDelay must not be negative");
      }
      this.metricsInitialDelay = delay;
      return this;
    }

    /**
     * Back-off of a Backup whose start failed (an API server that does not answer, say): {@code
     * base}, doubling up to {@code max}; after {@code maxAttempts} it is marked Failed. Default 500
     * ms, 5 min, 10 attempts.
     */
    public Builder retries(Duration base, Duration max, int maxAttempts) {
      new ExponentialBackoff(base, max); // validates
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.retryBase = base;
      this.retryMax = max;
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** How long the final status write is retried when the API server fails; default 2 min. */
    public Builder finalStatusTimeout(Duration timeout) {
      this.finalStatusTimeout = positive(timeout, "finalStatusTimeout");
      return this;
    }

    /** The clock of start and completion times; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /**
     * @throws IllegalStateException when no client was given
     */
    public BackupController build() {
      if (client == null) {
        throw new IllegalStateException("client(...) is required");
      }
      if (electLeader && leaderElection == null) {
        leaderElection = LeaderElectionSettings.defaults();
      }
      return new BackupController(this);
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " is null");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
