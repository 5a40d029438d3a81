package io.stowage.store.s3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** SDK interceptors that damage or fake traffic, to test what the store notices. */
final class Interceptors {
  private Interceptors() {}

  /**
   * Flips one byte in the middle of the body of PutObject and UploadPart requests, after the store
   * computed its checksums and before the SDK signs and sends the body: damage on the way, as a
   * faulty proxy or NIC would do. Damages the first {@code times} requests.
   */
  static final class CorruptOneByte implements ExecutionInterceptor {
    private final AtomicInteger remaining;
    private final AtomicInteger damaged = new AtomicInteger();

    CorruptOneByte(int times) {
      this.remaining = new AtomicInteger(times);
    }

    int damaged() {
      return damaged.get();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(
        Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      Optional<RequestBody> body = context.requestBody();
      SdkRequest request = context.request();
      boolean upload = request instanceof PutObjectRequest || request instanceof UploadPartRequest;
      if (body.isEmpty() || !upload || remaining.getAndDecrement() <= 0) {
        return body;
      }
      damaged.incrementAndGet();
      RequestBody original = body.get();
      long length = original.optionalContentLength().orElseThrow();
      long position = length / 2;
      return Optional.of(
          RequestBody.fromContentProvider(
              () -> new FlipByte(original.contentStreamProvider().newStream(), position),
              length,
              original.contentType()));
    }
  }

  private static final class FlipByte extends FilterInputStream {
    private final long position;
    private long offset;

    FlipByte(InputStream in, long position) {
      super(in);
      this.position = position;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && offset++ == position) {
        return b ^ 0x01;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0 && position >= offset && position < offset + n) {
        buffer[off + (int) (position - offset)] ^= 0x01;
      }
      if (n > 0) {
        offset += n;
      }
      return n;
    }
  }

  /**
   * Answers every request carrying {@code If-None-Match} with 501 NotImplemented, as S3-compatible
   * stores without conditional writes do.
   */
  static final class NoConditionalWrites implements ExecutionInterceptor {
    private static final String BODY =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code><Message>A"
            + " header you provided implies functionality that is not implemented</Message>"
            + "<Header>If-None-Match</Header></Error>";

    @Override
    public SdkHttpResponse modifyHttpResponse(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      if (conditional(context.httpRequest())) {
        return context.httpResponse().toBuilder()
            .statusCode(501)
            .statusText("Not Implemented")
            .build();
      }
      return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      if (conditional(context.httpRequest())) {
        return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
      }
      return context.responseBody();
    }

    private static boolean conditional(SdkHttpRequest request) {
      return request.firstMatchingHeader("If-None-Match").isPresent();
    }
  }

  /** Drops {@code If-None-Match}: a store that silently ignores conditional writes. */
  static final class IgnoreConditionalWrites implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(
        Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      return context.httpRequest().toBuilder().removeHeader("If-None-Match").build();
    }
  }

  /** Records the headers of every request, by operation name. */
  static final class RecordHeaders implements ExecutionInterceptor {
    final List<Map.Entry<String, Map<String, List<String>>>> requests =
        new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      requests.add(
          Map.entry(context.request().getClass().getSimpleName(), context.httpRequest().headers()));
    }

    Map<String, List<String>> first(String requestClass) {
      return requests.stream()
          .filter(e -> e.getKey().equals(requestClass))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + requestClass + " was sent"))
          .getValue();
    }
  }
}
