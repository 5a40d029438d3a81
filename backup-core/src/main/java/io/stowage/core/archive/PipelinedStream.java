package io.stowage.core.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the bytes written to it, in fixed-size chunks, to a thread of its own that writes them to
 * {@code downstream} in order: the tarball's gzip compression runs beside the thread that lists,
 * encodes and frames items instead of after it. Memory is bounded by {@code buffers} chunks: when
 * all are in flight, {@link #write} waits for the downstream thread.
 *
 * <p>Single producer: the caller serialises its calls (the tarball writer's lock does). A failure
 * of {@code downstream} is reported by the next {@link #write}, {@link #flush} or {@link #close}
 * (an {@link IOException} with the failure's message and the failure as its cause); after it, the
 * thread discards what it is handed. {@link #close()} hands over the last chunk, waits for the
 * thread to write it and close {@code downstream}, and reports a failure of either. {@link
 * #abort()} stops the thread without closing {@code downstream}. One of them must be called, or the
 * (daemon) thread waits for ever.
 */
final class PipelinedStream extends OutputStream {
  private static final Chunk END = new Chunk(new byte[0], 0);
  private static final Chunk ABORT = new Chunk(new byte[0], 0);

  private final OutputStream downstream;
  private final BlockingQueue<Chunk> full;
  private final BlockingQueue<byte[]> free;
  private final Thread thread;
  private volatile Throwable failure;
  private byte[] current;
  private int count;
  private boolean ended;

  private record Chunk(byte[] buffer, int length) {}

  /**
   * @param downstream written to, and closed, by the thread only
   * @param chunkSize bytes per hand-over
   * @param buffers chunks in flight at most (at least 2)
   */
  PipelinedStream(OutputStream downstream, String threadName, int chunkSize, int buffers) {
    if (buffers < 2 || chunkSize < 1) {
      throw new IllegalArgumentException("need 2 or more buffers of 1 byte or more");
    }
    this.downstream = downstream;
    // Room for every buffer plus the end marker: putting into it never waits.
    this.full = new ArrayBlockingQueue<>(buffers + 1);
    this.free = new ArrayBlockingQueue<>(buffers);
    for (int i = 1; i < buffers; i++) {
      free.add(new byte[chunkSize]);
    }
    this.current = new byte[chunkSize];
    this.thread = new Thread(this::drain, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    if (count == current.length) {
      handOver();
    }
    current[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    checkOpen();
    while (len > 0) {
      if (count == current.length) {
        handOver();
      }
      int n = Math.min(len, current.length - count);
      System.arraycopy(b, off, current, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  /** Hands over what is buffered (downstream is not flushed: it is flushed when closed). */
  @Override
  public void flush() throws IOException {
    checkOpen();
    if (count > 0) {
      handOver();
    }
  }

  /** Hands over the rest, waits until the thread has written it and closed downstream. */
  @Override
  public void close() throws IOException {
    if (ended) {
      return;
    }
    try {
      checkOpen();
      if (count > 0) {
        full.add(new Chunk(current, count));
        current = null;
      }
    } finally {
      ended = true;
      full.add(END);
      join();
    }
    rethrow();
  }

  /** Stops the thread without writing what is buffered or closing downstream; waits for it. */
  void abort() {
    if (ended) {
      return;
    }
    ended = true;
    full.add(ABORT);
    join();
  }

  private void handOver() throws IOException {
    full.add(new Chunk(current, count));
    current = null;
    count = 0;
    try {
      current = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the tarball's compression");
    }
    rethrow();
  }

  private void checkOpen() throws IOException {
    if (ended) {
      throw new IOException("stream closed");
    }
    rethrow();
  }

  private void rethrow() throws IOException {
    Throwable cause = failure;
    if (cause != null) {
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      throw new IOException(message, cause);
    }
  }

  /** Waits for the thread; an interrupt is kept for the caller, but the wait goes on. */
  private void join() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The thread: writes chunks in order until END (then closes downstream) or ABORT. */
  private void drain() {
    while (true) {
      Chunk chunk;
      try {
        chunk = full.take();
      } catch (InterruptedException e) {
        // Nobody else may stop this thread: the producer would wait for ever.
        continue;
      }
      if (chunk == ABORT) {
        return;
      }
      if (chunk == END) {
        if (failure == null) {
          try {
            downstream.close();
          } catch (IOException | RuntimeException | Error e) {
            failure = e;
          }
        }
        return;
      }
      if (failure == null) {
        try {
          downstream.write(chunk.buffer(), 0, chunk.length());
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
      }
      // The producer waits for a buffer only after handing one over, so there is room.
      free.offer(chunk.buffer());
    }
  }
}
