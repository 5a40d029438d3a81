package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A tiny HTTP server (the JDK's {@link HttpServer}) answering {@code GET /metrics} with Prometheus
 * text, as Velero serves its metrics on {@code :8085/metrics}. Anything else answers 404; a method
 * other than GET or HEAD answers 405.
 *
 * <pre>{@code
 * BackupMetrics metrics = BackupMetrics.prometheus();
 * try (MetricsServer server = MetricsServer.start(new InetSocketAddress(8085), metrics::scrape)) {
 *   ...
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {
  /** Velero's metrics port. */
  public static final int VELERO_PORT = 8085;

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code scrape} on {@code address} (port 0 picks a free port).
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static MetricsServer start(InetSocketAddress address, Supplier<String> scrape) {
    requireNonNull(address, "address is null");
    requireNonNull(scrape, "scrape is null");
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address, e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "stowage-metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, scrape));
    server.start();
    return new MetricsServer(server, executor);
  }

  /** The port served, useful after binding port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving at once. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void handle(HttpExchange exchange, Supplier<String> scrape) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (!"/metrics".equals(path)) {
        send(exchange, 404, "not found; metrics are served at /metrics\n", false);
      } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "method not allowed\n", false);
      } else {
        String body;
        try {
          body = scrape.get();
        } catch (RuntimeException e) {
          send(exchange, 500, "cannot collect metrics: " + e.getMessage() + "\n", false);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        send(exchange, 200, body, "HEAD".equals(method));
      }
    }
  }

  private static void send(HttpExchange exchange, int code, String body, boolean headOnly)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (code != 200) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }
    if (headOnly) {
      exchange.sendResponseHeaders(code, -1);
      return;
    }
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
