package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for a Lease with fabric8's {@code LeaderElector} for as long as it runs: when a term
 * ends (lease lost or not renewed in time) it campaigns again. Callbacks go to {@code lifecycle},
 * one at a time and in order, never on the elector's own thread, so slow work there cannot delay a
 * renewal. {@link #stop()} releases the Lease when held.
 */
final class LeaseElection {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

  private final KubernetesClient client;
  private final LeaderElectionConfig config;
  private final LeaderElectionSettings settings;
  private final ScheduledExecutorService retries;
  private volatile boolean leader;
  private boolean running;
  private CompletableFuture<?> term;

  LeaseElection(
      KubernetesClient client,
      String namespace,
      LeaderElectionSettings settings,
      Runnable onStartLeading,
      Runnable onStopLeading,
      Executor lifecycle) {
    this.client = requireNonNull(client, "client is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.config =
        new LeaderElectionConfigBuilder()
            .withName("stowage-backup-controller")
            .withLock(new LeaseLock(namespace, settings.leaseName(), settings.identity()))
            .withLeaseDuration(settings.leaseDuration())
            .withRenewDeadline(settings.renewDeadline())
            .withRetryPeriod(settings.retryPeriod())
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    () -> {
                      leader = true;
                      LOG.info("{} leads lease {}", settings.identity(), settings.leaseName());
                      handOff(lifecycle, onStartLeading);
                    },
                    () -> {
                      if (leader) {
                        leader = false;
                        LOG.info("{} no longer leads", settings.identity());
                        handOff(lifecycle, onStopLeading);
                      }
                    },
                    holder -> LOG.debug("lease {} is held by {}", settings.leaseName(), holder)))
            .build();
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stowage-lease-" + settings.identity());
              t.setDaemon(true);
              return t;
            });
  }

  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    campaign();
  }

  boolean isLeader() {
    return leader;
  }

  /** Stops campaigning and releases the Lease if held (the release completes asynchronously). */
  void stop() {
    CompletableFuture<?> current;
    synchronized (this) {
      running = false;
      current = term;
    }
    if (current != null) {
      current.cancel(true);
    }
    retries.shutdownNow();
  }

  private static void handOff(Executor lifecycle, Runnable callback) {
    try {
      lifecycle.execute(callback);
    } catch (RejectedExecutionException e) {
      LOG.debug("leadership change after the controller stopped; ignored");
    }
  }

  private synchronized void campaign() {
    if (!running) {
      return;
    }
    CompletableFuture<?> next = client.leaderElector().withConfig(config).build().start();
    term = next;
    next.whenComplete(
        (ignored, failure) -> {
          if (failure != null && !(failure instanceof CancellationException)) {
            LOG.warn("leader election of {} failed: {}", settings.identity(), failure.toString());
          }
          synchronized (this) {
            if (running) {
              retries.schedule(
                  this::campaign, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
          }
        });
  }
}
