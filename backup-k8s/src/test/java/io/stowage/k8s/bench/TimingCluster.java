package io.stowage.k8s.bench;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ExecResult;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.cluster.ServerVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Cluster} that adds up the time its callers spend waiting in paged lists and gets (HTTP,
 * server, parsing): a timing split of a backup without touching the engine.
 */
final class TimingCluster implements Cluster {
  private final Cluster delegate;
  private final AtomicLong listNanos = new AtomicLong();
  private final AtomicLong listCalls = new AtomicLong();
  private final AtomicLong otherNanos = new AtomicLong();
  private final Map<String, long[]> byType = new ConcurrentHashMap<>();

  TimingCluster(Cluster delegate) {
    this.delegate = delegate;
  }

  /** Time in paged lists so far, and their number. */
  long listNanos() {
    return listNanos.get();
  }

  long listCalls() {
    return listCalls.get();
  }

  /** Paged-list time and calls by resource, slowest first, and clears them. */
  List<String> takeSlowestTypes(int count) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(byType.entrySet());
    byType.clear();
    entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : entries.subList(0, Math.min(count, entries.size()))) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%s %.3f s in %d calls",
              entry.getKey(),
              entry.getValue()[0] / 1e9,
              entry.getValue()[1]));
    }
    lines.add(entries.size() + " types listed");
    return lines;
  }

  /** Time in every other call so far (discovery, version, gets, unpaged lists). */
  long otherNanos() {
    return otherNanos.get();
  }

  @Override
  public ServerVersion serverVersion() {
    long started = System.nanoTime();
    try {
      return delegate.serverVersion();
    } finally {
      otherNanos.addAndGet(System.nanoTime() - started);
    }
  }

  @Override
  public Discovery discover() {
    long started = System.nanoTime();
    try {
      return delegate.discover();
    } finally {
      otherNanos.addAndGet(System.nanoTime() - started);
    }
  }

  @Override
  public ListPage list(
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken) {
    long started = System.nanoTime();
    try {
      return delegate.list(type, namespace, labelSelector, limit, continueToken);
    } finally {
      long nanos = System.nanoTime() - started;
      listNanos.addAndGet(nanos);
      listCalls.incrementAndGet();
      long[] figures = byType.computeIfAbsent(type.groupResource().toString(), k -> new long[2]);
      synchronized (figures) {
        figures[0] += nanos;
        figures[1]++;
      }
    }
  }

  @Override
  public Optional<ObjectNode> get(ApiResource type, String namespace, String name) {
    long started = System.nanoTime();
    try {
      return delegate.get(type, namespace, name);
    } finally {
      otherNanos.addAndGet(System.nanoTime() - started);
    }
  }

  @Override
  public ExecResult exec(
      String namespace, String pod, String container, List<String> command, Duration timeout) {
    return delegate.exec(namespace, pod, container, command, timeout);
  }

  @Override
  public Optional<ObjectNode> get(ResourceIdentifier id) {
    long started = System.nanoTime();
    try {
      return delegate.get(id);
    } finally {
      otherNanos.addAndGet(System.nanoTime() - started);
    }
  }

  @Override
  public List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector) {
    long started = System.nanoTime();
    try {
      return delegate.list(resource, namespace, labelSelector);
    } finally {
      otherNanos.addAndGet(System.nanoTime() - started);
    }
  }

  @Override
  public ObjectNode create(GroupResource resource, ObjectNode object) {
    return delegate.create(resource, object);
  }

  @Override
  public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
    return delegate.mergePatch(id, patch);
  }

  @Override
  public void delete(ResourceIdentifier id) {
    delegate.delete(id);
  }
}
