package io.stowage.core.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream as the gzip layer sees it: counts the bytes passed on, and on {@code close()}
 * only flushes unless the caller handed over ownership. Used under the writer's lock.
 */
final class TargetStream extends FilterOutputStream {
  private final boolean closeTarget;
  private volatile long count;

  TargetStream(OutputStream target, boolean closeTarget) {
    super(target);
    this.closeTarget = closeTarget;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    count += len;
  }

  @Override
  public void close() throws IOException {
    if (closeTarget) {
      out.close();
    } else {
      out.flush();
    }
  }

  long count() {
    return count;
  }
}
