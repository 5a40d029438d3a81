package io.stowage.k8s;

import io.fabric8.kubernetes.client.http.AsyncBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body as an {@link InputStream}, fed by fabric8's asynchronous body ({@code
 * HttpClient.consumeBytes}): the buffers the HTTP client delivers are queued and copied out in
 * bulk, and the next delivery is asked for when the queue runs dry, so at most a few network
 * buffers are held.
 *
 * <p>fabric8's own {@code InputStream} bodies go through {@code HttpClientReadableByteChannel},
 * which copies byte by byte ({@code dst.put(src.get())}); on a list page that loop cost about a
 * third of the thread reading it.
 *
 * <p>One reader thread; deliveries come on the HTTP client's threads.
 */
final class BodyStream extends InputStream implements AsyncBody.Consumer<List<ByteBuffer>> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
  private AsyncBody body;
  private boolean requested;
  private boolean done;
  private Throwable failure;
  private boolean closed;

  /** Called by the HTTP client with the next buffers. */
  @Override
  public void consume(List<ByteBuffer> data, AsyncBody source) {
    lock.lock();
    try {
      if (!closed) {
        for (ByteBuffer buffer : data) {
          if (buffer.hasRemaining()) {
            buffers.add(buffer);
          }
        }
      }
      requested = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Starts reading the body of a response whose headers have arrived. */
  void start(AsyncBody source) {
    lock.lock();
    try {
      body = source;
    } finally {
      lock.unlock();
    }
    source.done().whenComplete(this::finished);
    requestMore();
  }

  private void finished(Void ignored, Throwable error) {
    lock.lock();
    try {
      done = true;
      failure = error;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    boolean askForMore = false;
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IOException("the response body is closed");
        }
        ByteBuffer head = buffers.peek();
        if (head != null) {
          int n = Math.min(length, head.remaining());
          head.get(target, offset, n);
          if (!head.hasRemaining()) {
            buffers.poll();
          }
          askForMore = buffers.isEmpty() && !done && !requested;
          if (askForMore) {
            requested = true;
          }
          return n;
        }
        if (failure != null) {
          throw new IOException("reading the response body failed: " + failure, failure);
        }
        if (done) {
          return -1;
        }
        if (!requested) {
          requested = true;
          lock.unlock();
          try {
            body.consume();
          } finally {
            lock.lock();
          }
          continue;
        }
        changed.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a response body");
    } finally {
      lock.unlock();
      if (askForMore) {
        // Ask for the next buffers while the caller works on these bytes.
        body.consume();
      }
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      ByteBuffer head = buffers.peek();
      return head == null ? 0 : head.remaining();
    } finally {
      lock.unlock();
    }
  }

  /** Drops what is queued; cancels the body if it has not arrived in full. */
  @Override
  public void close() {
    boolean cancel;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      buffers.clear();
      cancel = !done && body != null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (cancel) {
      body.cancel();
    }
  }

  /** Whether the whole body has arrived (and the connection can serve another request). */
  boolean complete() {
    lock.lock();
    try {
      return done && failure == null;
    } finally {
      lock.unlock();
    }
  }

  private void requestMore() {
    lock.lock();
    try {
      if (requested || done || closed) {
        return;
      }
      requested = true;
    } finally {
      lock.unlock();
    }
    body.consume();
  }
}
