package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A rate-limited work queue with client-go's semantics:
 *
 * <ul>
 *   <li>a key is queued at most once; adding a queued key does nothing;
 *   <li>a key is handed to at most one worker at a time: a key added while it is being processed is
 *       queued again when the worker calls {@link #done};
 *   <li>{@link #addRateLimited} re-adds a key after a delay that grows exponentially with its
 *       failures, until {@link #forget} resets them.
 * </ul>
 *
 * <p>Thread-safe. After {@link #shutDown()} adds are ignored and {@link #take} returns empty.
 */
final class WorkQueue<K> {
  private final ExponentialBackoff backoff;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private boolean shuttingDown;

  WorkQueue(ExponentialBackoff backoff, String name) {
    this.backoff = requireNonNull(backoff, "backoff is null");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-delays");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues {@code key} unless it is already queued. */
  synchronized void add(K key) {
    requireNonNull(key, "key is null");
    if (shuttingDown || !dirty.add(key)) {
      return;
    }
    if (!processing.contains(key)) {
      queue.addLast(key);
      notifyAll();
    }
  }

  /** Queues {@code key} after {@code delay}. */
  void addAfter(K key, Duration delay) {
    requireNonNull(key, "key is null");
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
      timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Counts a failure of {@code key} and queues it after its back-off delay. */
  void addRateLimited(K key) {
    int count;
    synchronized (this) {
      count = failures.merge(key, 1, Integer::sum);
    }
    addAfter(key, backoff.delay(count));
  }

  /** Failures counted for {@code key} since it was last forgotten. */
  synchronized int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  /** Resets the failures of {@code key}. */
  synchronized void forget(K key) {
    failures.remove(key);
  }

  /**
   * The next key, waiting up to {@code timeout}; the caller must call {@link #done} with it.
   *
   * @return empty after the timeout or once the queue is shut down
   */
  synchronized Optional<K> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (queue.isEmpty() && !shuttingDown) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (shuttingDown) {
      return Optional.empty();
    }
    K key = queue.removeFirst();
    processing.add(key);
    dirty.remove(key);
    return Optional.of(key);
  }

  /** Marks {@code key} processed; queues it again if it was added meanwhile. */
  synchronized void done(K key) {
    processing.remove(key);
    if (dirty.contains(key) && !shuttingDown) {
      queue.addLast(key);
      notifyAll();
    }
  }

  /** Keys waiting to be taken. */
  synchronized int size() {
    return queue.size();
  }

  /** Stops handing out keys and drops pending delayed adds. */
  void shutDown() {
    synchronized (this) {
      shuttingDown = true;
      queue.clear();
      dirty.clear();
      notifyAll();
    }
    timer.shutdownNow();
  }
}
