package io.stowage.store.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a GetObject. Closing it before the end aborts the HTTP connection instead of reading
 * the rest of a possibly large object to reuse the connection.
 */
final class S3ObjectInputStream extends FilterInputStream {
  private final ResponseInputStream<?> response;
  private boolean ended;

  S3ObjectInputStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      ended = true;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      response.abort();
    }
    super.close();
  }
}
