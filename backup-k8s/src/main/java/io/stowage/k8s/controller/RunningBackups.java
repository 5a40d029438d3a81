package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The in-memory tracker of the backups this process runs (facts §7.5), and the overlap rule of
 * §7.1: a backup whose namespaces overlap a running one waits, and is handed back to {@code
 * requeue} when the running one ends.
 *
 * <p>Each entry moves RUNNING → FINISHING (the worker writes the final status) or RUNNING →
 * ABANDONED (shutdown gave up waiting and marked it Failed); whichever comes first wins.
 *
 * <p>Thread-safe.
 */
final class RunningBackups {
  enum State {
    RUNNING,
    FINISHING,
    ABANDONED
  }

  private record Entry(NamespaceScope scope, AtomicReference<State> state) {}

  private final Map<BackupKey, Entry> running = new LinkedHashMap<>();
  private final Set<BackupKey> waiting = new LinkedHashSet<>();
  private volatile Consumer<BackupKey> requeue = key -> {};

  /** Where waiting backups go when a running one ends; the current work queue's add. */
  void requeueTo(Consumer<BackupKey> requeue) {
    this.requeue = requireNonNull(requeue, "requeue is null");
  }

  /**
   * Registers {@code key} as running unless it overlaps a running backup; then it is remembered as
   * waiting and {@code false} is returned.
   */
  synchronized boolean tryStart(BackupKey key, NamespaceScope scope) {
    if (running.containsKey(key)) {
      return false;
    }
    for (Entry entry : running.values()) {
      if (entry.scope().overlaps(scope)) {
        waiting.add(key);
        return false;
      }
    }
    waiting.remove(key);
    running.put(key, new Entry(scope, new AtomicReference<>(State.RUNNING)));
    return true;
  }

  /** Removes {@code key} and hands every waiting backup back to the queue. */
  void finish(BackupKey key) {
    List<BackupKey> wake;
    synchronized (this) {
      if (running.remove(key) == null) {
        return;
      }
      wake = new ArrayList<>(waiting);
      waiting.clear();
    }
    wake.forEach(requeue);
  }

  /** Moves a running backup to FINISHING; {@code false} when shutdown abandoned it first. */
  boolean beginFinishing(BackupKey key) {
    Entry entry;
    synchronized (this) {
      entry = running.get(key);
    }
    return entry != null && entry.state().compareAndSet(State.RUNNING, State.FINISHING);
  }

  /** Moves a running backup to ABANDONED; {@code false} when it is finishing or gone. */
  boolean abandon(BackupKey key) {
    Entry entry;
    synchronized (this) {
      entry = running.get(key);
    }
    return entry != null && entry.state().compareAndSet(State.RUNNING, State.ABANDONED);
  }

  synchronized boolean contains(BackupKey key) {
    return running.containsKey(key);
  }

  /** Velero's {@code RunningCount}. */
  synchronized int count() {
    return running.size();
  }

  synchronized List<BackupKey> keys() {
    return List.copyOf(running.keySet());
  }
}
