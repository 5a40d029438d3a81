package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The work of one leadership term: a shared informer on the namespace's Backups feeding a
 * rate-limited {@link WorkQueue}, drained by {@code workers} threads that call the {@link
 * BackupProcessor}; plus the periodic metric resync. A key whose processing throws is retried with
 * exponential back-off; after {@code maxAttempts} the Backup is marked Failed.
 *
 * <p>{@link #stopTakingWork()} ends the informer, the queue and the resync at once; workers finish
 * the backup they run (if any) and exit. The MDC key {@code backup} holds the key being processed.
 */
final class ProcessingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessingLoop.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final BackupResources resources;
  private final BackupProcessor processor;
  private final RunningBackups tracker;
  private final MetricsResync resync;
  private final ControllerSettings settings;
  private final WorkQueue<BackupKey> queue;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private volatile boolean stopping;
  private SharedIndexInformer<GenericKubernetesResource> informer;

  ProcessingLoop(
      BackupResources resources,
      BackupProcessor processor,
      RunningBackups tracker,
      BackupListener listener,
      ControllerSettings settings) {
    this.resources = requireNonNull(resources, "resources is null");
    this.processor = requireNonNull(processor, "processor is null");
    this.tracker = requireNonNull(tracker, "tracker is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.queue =
        new WorkQueue<>(
            new ExponentialBackoff(settings.retryBase(), settings.retryMax()), "stowage-backups");
    this.resync = new MetricsResync(this::backups, resources::toBackup, listener);
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(), daemon(() -> "stowage-backup-worker-" + count.incrementAndGet()));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemon(() -> "stowage-resync"));
  }

  /** Starts the informer, the workers and the resync. */
  synchronized void start() {
    tracker.requeueTo(queue::add);
    informer = resources.operations().runnableInformer(settings.resyncPeriod().toMillis());
    informer.addEventHandler(new BackupEvents(queue::add));
    informer.exceptionHandler(
        (started, failure) -> {
          LOG.warn(
              "watching Backups in namespace {} failed{}: {}",
              resources.namespace(),
              started ? "" : " (is the Backup CRD installed? see CrdInstaller)",
              failure.toString());
          return !stopping;
        });
    informer.start();
    for (int i = 0; i < settings.workers(); i++) {
      workers.execute(this::work);
    }
    long period = settings.resyncPeriod().toMillis();
    timers.scheduleWithFixedDelay(
        resync,
        Math.min(settings.metricsInitialDelay().toMillis(), period),
        period,
        TimeUnit.MILLISECONDS);
  }

  /** Stops the informer, queue and resync; running backups go on in their workers. */
  synchronized void stopTakingWork() {
    if (stopping) {
      return;
    }
    stopping = true;
    if (informer != null) {
      informer.stop();
    }
    timers.shutdownNow();
    queue.shutDown();
    workers.shutdown();
  }

  /** Waits up to {@code timeout} for the workers to exit; {@code true} when they did. */
  boolean awaitWorkers(Duration timeout) throws InterruptedException {
    return workers.awaitTermination(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Interrupts the workers. */
  void interruptWorkers() {
    workers.shutdownNow();
  }

  /** The informer's cache once synced; a fresh list before. */
  private List<GenericKubernetesResource> backups() {
    SharedIndexInformer<GenericKubernetesResource> current;
    synchronized (this) {
      current = informer;
    }
    return current != null && current.hasSynced() ? current.getStore().list() : resources.list();
  }

  private void work() {
    while (!stopping) {
      Optional<BackupKey> next;
      try {
        next = queue.take(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      next.ifPresent(this::processOne);
    }
  }

  private void processOne(BackupKey key) {
    MDC.put("backup", key.toString());
    try {
      BackupProcessor.Outcome outcome = processor.process(key);
      LOG.debug("backup {}: {}", key, outcome);
      queue.forget(key);
    } catch (RuntimeException e) {
      int attempts = queue.failures(key) + 1;
      if (attempts >= settings.maxAttempts()) {
        LOG.error(
            "backup {} could not be started ({} attempts): {}", key, attempts, e.toString(), e);
        queue.forget(key);
        try {
          processor.giveUp(key, e, attempts);
        } catch (RuntimeException giveUpFailure) {
          LOG.error("cannot mark backup {} Failed: {}", key, giveUpFailure.toString());
        }
      } else {
        LOG.warn(
            "backup {} failed to start (attempt {}), retrying: {}", key, attempts, e.toString());
        queue.addRateLimited(key);
      }
    } finally {
      queue.done(key);
      MDC.remove("backup");
    }
  }

  private static ThreadFactory daemon(Supplier<String> names) {
    return r -> {
      Thread t = new Thread(r, names.get());
      t.setDaemon(true);
      return t;
    };
  }
}
