package io.stowage.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.http.AsyncBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BodyStreamTest {
  private final ExecutorService network = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    network.shutdownNow();
  }

  @Test
  void readsEveryByteInOrderWhateverTheReadSizes() throws IOException {
    byte[] content = new byte[300_000];
    new Random(3).nextBytes(content);
    FakeBody source = new FakeBody(chunks(content, 16_384), null);
    BodyStream stream = new BodyStream();
    source.consumer = stream;
    stream.start(source);

    ByteArrayOutputStream read = new ByteArrayOutputStream();
    Random sizes = new Random(5);
    byte[] buffer = new byte[40_000];
    for (int n; (n = stream.read(buffer, 0, 1 + sizes.nextInt(buffer.length))) >= 0; ) {
      read.write(buffer, 0, n);
      int single = stream.read();
      if (single >= 0) {
        read.write(single);
      }
    }
    assertThat(read.toByteArray()).isEqualTo(content);
    assertThat(stream.complete()).isTrue();
    assertThat(source.maxOutstanding.get()).as("one delivery asked for at a time").isEqualTo(1);
    stream.close();
    assertThat(source.cancelled).isFalse();
  }

  @Test
  void aFailedBodyFailsTheReadAfterTheBytesThatArrived() throws IOException {
    FakeBody source =
        new FakeBody(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3})), new IOException("reset"));
    BodyStream stream = new BodyStream();
    source.consumer = stream;
    stream.start(source);
    assertThat(stream.readNBytes(3)).containsExactly(1, 2, 3);
    assertThatThrownBy(stream::read).isInstanceOf(IOException.class).hasMessageContaining("reset");
    assertThat(stream.complete()).isFalse();
  }

  @Test
  void closingEarlyCancelsTheBody() throws IOException {
    FakeBody source = new FakeBody(chunks(new byte[100_000], 1000), null);
    BodyStream stream = new BodyStream();
    source.consumer = stream;
    stream.start(source);
    assertThat(stream.read(new byte[10])).isPositive();
    stream.close();
    assertThat(source.cancelled).isTrue();
    assertThatThrownBy(stream::read).isInstanceOf(IOException.class);
  }

  private static List<ByteBuffer> chunks(byte[] content, int size) {
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < content.length; i += size) {
      chunks.add(ByteBuffer.wrap(content, i, Math.min(size, content.length - i)).slice());
    }
    return chunks;
  }

  /** Delivers one chunk per consume(), on another thread, as an HTTP client would. */
  private final class FakeBody implements AsyncBody {
    private final List<ByteBuffer> chunks;
    private final Throwable failure;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    final AtomicInteger maxOutstanding = new AtomicInteger();
    volatile boolean cancelled;
    BodyStream consumer;
    private int next;

    FakeBody(List<ByteBuffer> chunks, Throwable failure) {
      this.chunks = chunks;
      this.failure = failure;
    }

    @Override
    public void consume() {
      maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
      network.execute(
          () -> {
            outstanding.decrementAndGet();
            if (next < chunks.size()) {
              consumer.consume(List.of(chunks.get(next++)), this);
            }
            if (next == chunks.size()) {
              if (failure == null) {
                done.complete(null);
              } else {
                done.completeExceptionally(failure);
              }
            }
          });
    }

    @Override
    public CompletableFuture<Void> done() {
      return done;
    }

    @Override
    public void cancel() {
      cancelled = true;
      done.cancel(false);
    }
  }
}
