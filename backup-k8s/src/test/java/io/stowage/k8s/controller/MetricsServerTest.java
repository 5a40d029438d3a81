package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheScrapeAtMetricsOnly() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), () -> "up 1.0\n")) {
      HttpResponse<String> metrics = send(server, "GET", "/metrics");
      HttpResponse<String> other = send(server, "GET", "/");
      HttpResponse<String> post = send(server, "POST", "/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).isEqualTo("up 1.0\n");
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void aFailingScrapeAnswers500() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            () -> {
              throw new IllegalStateException("broken");
            })) {
      HttpResponse<String> response = send(server, "GET", "/metrics");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("broken");
    }
  }

  private HttpResponse<String> send(MetricsServer server, String method, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
