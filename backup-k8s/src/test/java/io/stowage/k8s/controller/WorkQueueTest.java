package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private static final Duration NOW = Duration.ZERO;
  private final WorkQueue<String> queue =
      new WorkQueue<>(
          new ExponentialBackoff(Duration.ofMillis(20), Duration.ofMillis(200)), "test");

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void aKeyIsQueuedOnce() throws InterruptedException {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.take(NOW)).hasValue("a");
    assertThat(queue.take(NOW)).hasValue("b");
    assertThat(queue.take(NOW)).isEmpty();
  }

  @Test
  void aKeyAddedWhileProcessedIsHandedOutAgainOnlyAfterDone() throws InterruptedException {
    queue.add("a");
    Optional<String> taken = queue.take(NOW);
    queue.add("a");

    assertThat(taken).hasValue("a");
    assertThat(queue.take(NOW)).as("not twice at once").isEmpty();
    queue.done("a");
    assertThat(queue.take(NOW)).hasValue("a");
  }

  @Test
  void rateLimitedAddsWaitLongerWithEachFailureUntilForgotten() throws InterruptedException {
    assertThat(delayOfRateLimitedAdd()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    assertThat(queue.failures("a")).isEqualTo(1);
    assertThat(delayOfRateLimitedAdd()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(queue.failures("a")).isEqualTo(2);

    queue.forget("a");
    assertThat(queue.failures("a")).isZero();
    queue.addRateLimited("a");
    assertThat(queue.failures("a")).as("counting starts again").isEqualTo(1);
  }

  private Duration delayOfRateLimitedAdd() throws InterruptedException {
    long start = System.nanoTime();
    queue.addRateLimited("a");
    assertThat(queue.take(Duration.ofSeconds(5))).hasValue("a");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    queue.done("a");
    return waited;
  }

  @Test
  void takeWaitsForAnAddAndShutDownReleasesWaiters() throws InterruptedException {
    queue.addAfter("late", Duration.ofMillis(50));
    assertThat(queue.take(Duration.ofSeconds(2))).hasValue("late");

    queue.add("dropped");
    queue.shutDown();
    queue.add("ignored");
    assertThat(queue.take(Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    ExponentialBackoff backoff =
        new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(10));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(20));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(40));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.delay(100)).isEqualTo(Duration.ofMillis(50));
    assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
