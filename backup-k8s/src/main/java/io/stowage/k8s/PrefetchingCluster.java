package io.stowage.k8s;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ForwardingCluster;
import io.stowage.core.cluster.ListPage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Cluster} that reads the next page of a paged list while its caller works on the current
 * one: when {@link #list(ApiResource, String, String, int, String)} returns a page that has a
 * continue token, the request for the following page is sent at once on a thread of this object,
 * and the caller's next call with that token takes the answer (or waits for it). Waiting for the
 * API server, the transfer and the JSON parsing of page k+1 then overlap with backing up page k.
 *
 * <p>What callers see is unchanged: the pages of a paged list all come from the snapshot of its
 * first page (the continue token names it), so reading a page earlier does not change its content.
 * A read-ahead that fails is dropped and the caller's own call asks again, so errors surface where
 * they would without read-ahead. Unpaged lists ({@code limit} 0) and every other call go straight
 * to the wrapped cluster.
 *
 * <p>Memory: at most {@value #MAX_PAGES_AHEAD} pages are held ahead in all (one per listing in
 * progress); a listing that is abandoned leaves its page until newer ones push it out.
 *
 * <p>Thread-safe, as the wrapped cluster must be. {@link #close()} stops the read-ahead threads
 * (daemon threads, so a forgotten close does not keep the JVM alive); it does not close the wrapped
 * cluster.
 */
public final class PrefetchingCluster extends ForwardingCluster implements AutoCloseable {
  /** Pages held ahead at most, over all listings in progress. */
  static final int MAX_PAGES_AHEAD = 4;

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final ExecutorService executor;
  // Guarded by this; oldest first.
  private final Map<PageRequest, Future<ListPage>> ahead = new LinkedHashMap<>();
  private boolean closed;

  /** The identity of one page request. */
  private record PageRequest(
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken) {}

  /** Reads ahead on one thread, enough for a backup that lists one type at a time. */
  public PrefetchingCluster(Cluster delegate) {
    this(delegate, 1);
  }

  /**
   * @param threads read-ahead threads: how many listings may read ahead at the same moment
   */
  public PrefetchingCluster(Cluster delegate, int threads) {
    super(delegate);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more");
    }
    this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
  }

  @Override
  public ListPage list(
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken) {
    PageRequest request = new PageRequest(type, namespace, labelSelector, limit, continueToken);
    Future<ListPage> pending;
    synchronized (this) {
      pending = ahead.remove(request);
    }
    ListPage page = pending == null ? null : await(pending, request);
    if (page == null) {
      page = delegate().list(type, namespace, labelSelector, limit, continueToken);
    }
    if (limit > 0 && !page.last()) {
      readAhead(new PageRequest(type, namespace, labelSelector, limit, page.continueToken()));
    }
    return page;
  }

  /** Pages read ahead and not yet taken; for tests. */
  synchronized int pagesAhead() {
    return ahead.size();
  }

  /** Stops reading ahead and drops what was read; later lists go straight to the cluster. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      ahead.values().forEach(future -> future.cancel(true));
      ahead.clear();
    }
    executor.shutdownNow();
  }

  private void readAhead(PageRequest next) {
    synchronized (this) {
      if (closed) {
        return;
      }
      Future<ListPage> future =
          executor.submit(
              () ->
                  delegate()
                      .list(
                          next.type(),
                          next.namespace(),
                          next.labelSelector(),
                          next.limit(),
                          next.continueToken()));
      Future<ListPage> replaced = ahead.put(next, future);
      if (replaced != null) {
        replaced.cancel(true);
      }
      Iterator<Future<ListPage>> oldest = ahead.values().iterator();
      while (ahead.size() > MAX_PAGES_AHEAD) {
        oldest.next().cancel(true);
        oldest.remove();
      }
    }
  }

  /** The page read ahead, or null when reading it failed (the caller then asks itself). */
  private static ListPage await(Future<ListPage> pending, PageRequest request) {
    try {
      return pending.get();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED,
          "interrupted while waiting for a page of " + request.type().groupResource(),
          e);
    }
  }

  private static ThreadFactory daemonThreads() {
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, "stowage-list-prefetch-" + instance + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
