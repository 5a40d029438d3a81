package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code pods/exec} WebSocket on the {@code v4.channel.k8s.io} protocol: runs the {@link
 * ExecHandler} on a worker thread, sends its stdout (channel 1) and stderr (channel 2), then the
 * exit status (channel 3), and closes. A client that closes first interrupts the handler.
 */
final class ExecSession extends WebSocketListener {

  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte STATUS = 3;
  private static final int NORMAL_CLOSURE = 1000;
  private static final int SERVER_ERROR = 1011;

  private final ExecTarget target;
  private final ExecHandler handler;
  private final ExecutorService workers;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile Future<?> running;

  ExecSession(ExecTarget target, ExecHandler handler, ExecutorService workers) {
    this.target = target;
    this.handler = handler;
    this.workers = workers;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    try {
      running = workers.submit(() -> run(webSocket));
    } catch (RejectedExecutionException e) {
      done.set(true);
      webSocket.close(SERVER_ERROR, "server is shutting down");
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    stop();
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    stop();
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    stop();
  }

  private void stop() {
    if (done.compareAndSet(false, true)) {
      Future<?> task = running;
      if (task != null) {
        task.cancel(true);
      }
    }
  }

  private void run(WebSocket webSocket) {
    ExecResult result;
    try {
      result = handler.exec(target.namespace(), target.pod(), target.container(), target.command());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // the client went away
    } catch (Exception | AssertionError | LinkageError e) {
      finish(webSocket, failure(e));
      return;
    }
    if (result == null) {
      result = ExecResult.success("");
    }
    String out = result.stdout();
    String err = result.stderr();
    if (target.tty()) {
      out = out + err; // a terminal merges both streams
      err = "";
    }
    if (target.stdout() && !out.isEmpty() && !done.get()) {
      send(webSocket, STDOUT, out);
    }
    if (target.stderr() && !err.isEmpty() && !done.get()) {
      send(webSocket, STDERR, err);
    }
    finish(webSocket, exitStatus(result.exitCode()));
  }

  private void finish(WebSocket webSocket, Status status) {
    if (done.get()) {
      return;
    }
    send(webSocket, STATUS, Serialization.asJson(status));
    if (done.compareAndSet(false, true)) {
      webSocket.close(NORMAL_CLOSURE, "");
    }
  }

  private static void send(WebSocket webSocket, byte channel, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[body.length + 1];
    frame[0] = channel;
    System.arraycopy(body, 0, frame, 1, body.length);
    webSocket.send(frame);
  }

  private Status exitStatus(int exitCode) {
    if (exitCode == 0) {
      return new StatusBuilder().withStatus("Success").build();
    }
    return new StatusBuilder()
        .withStatus("Failure")
        .withMessage(
            "command terminated with non-zero exit code: error executing command "
                + target.command()
                + ", exit code "
                + exitCode)
        .withReason("NonZeroExitCode")
        .withNewDetails()
        .addNewCause()
        .withReason("ExitCode")
        .withMessage(String.valueOf(exitCode))
        .endCause()
        .endDetails()
        .build();
  }

  private static Status failure(Throwable error) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withMessage("exec handler failed: " + error)
        .withReason("InternalError")
        .withCode(500)
        .build();
  }
}
