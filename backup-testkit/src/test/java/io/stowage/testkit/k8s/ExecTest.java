package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecTest {

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    k8s = new EmbeddedKubernetes().start();
    client = k8s.client();
    k8s.seed(
        RunningPods.of("shop", "db-0", "postgres", "exporter"),
        RunningPods.of("shop", "web-0", "nginx"),
        RunningPods.of("a", "p", "c"));
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void handlerSeesTheCallAndItsOutputAndExitCodeReachTheClient() throws Exception {
    CompletableFuture<List<String>> call = new CompletableFuture<>();
    k8s.setExecHandler(
        (namespace, pod, container, command) -> {
          call.complete(List.of(namespace, pod, container, String.join(" ", command)));
          return new ExecResult("frozen\n", "fsfreeze: warning\n", 3);
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exitCode;
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("shop")
            .withName("db-0")
            .inContainer("postgres")
            .writingOutput(out)
            .writingError(err)
            .exec("sh", "-c", "fsfreeze --freeze /var/lib/postgresql")) {
      exitCode = watch.exitCode().get(10, TimeUnit.SECONDS);
    }

    assertThat(call.get(1, TimeUnit.SECONDS))
        .containsExactly("shop", "db-0", "postgres", "sh -c fsfreeze --freeze /var/lib/postgresql");
    assertThat(exitCode).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("frozen\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("fsfreeze: warning\n");
  }

  @Test
  void redirectedOutputIsReadableAndSuccessIsExitZero() throws Exception {
    k8s.setExecHandler((ns, pod, container, command) -> ExecResult.success("ran " + command));

    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("shop")
            .withName("web-0")
            .inContainer("nginx")
            .redirectingOutput()
            .exec("echo", "hi")) {
      String stdout = new String(watch.getOutput().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(watch.exitCode().get(10, TimeUnit.SECONDS)).isZero();
      assertThat(stdout).isEqualTo("ran [echo, hi]");
    }
  }

  @Test
  void withoutHandlerCommandsSucceedSilently() throws Exception {
    k8s.setExecHandler(null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (ExecWatch watch =
        client.pods().inNamespace("a").withName("p").writingOutput(out).exec("true")) {
      assertThat(watch.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.size()).isZero();
  }

  @Test
  void aThrowingHandlerFailsTheExecWithoutAnExitCode() throws Exception {
    k8s.setExecHandler(
        (ns, pod, container, command) -> {
          throw new IllegalStateException("container not running");
        });

    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("a")
            .withName("p")
            .inContainer("c")
            .writingOutput(new ByteArrayOutputStream())
            .exec("true")) {
      assertThat(watch.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }
  }

  @Test
  void aClientThatGivesUpInterruptsASlowHandler() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    k8s.setExecHandler(
        (ns, pod, container, command) -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return ExecResult.success("too late");
        });

    ExecWatch watch =
        client
            .pods()
            .inNamespace("a")
            .withName("p")
            .writingOutput(new ByteArrayOutputStream())
            .exec("sleep", "60");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    watch.close();

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
