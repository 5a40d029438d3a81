package io.stowage.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Raw JSON calls to the API server through fabric8's HTTP client, which brings the kubeconfig's
 * authentication, TLS and retries. Bodies are streamed to the caller ({@link BodyStream}), so a
 * list page is parsed item by item instead of being held as one string.
 */
final class KubeHttp {
  private static final long TIMEOUT_SECONDS = 120;

  /** Bytes after a parsed document read to end the body cleanly; more is cut off. */
  private static final long DRAIN_LIMIT = 64 * 1024;

  private final KubernetesClient client;
  private final String master;

  KubeHttp(KubernetesClient client) {
    this.client = client;
    String url = client.getMasterUrl().toString();
    this.master = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** GETs a path and hands the body to {@code reader}; empty on 404. */
  <T> Optional<T> get(String pathAndQuery, Function<InputStream, T> reader) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(master + pathAndQuery)
            .header("Accept", "application/json")
            .build();
    BodyStream body = new BodyStream();
    HttpResponse<AsyncBody> response = await(http.consumeBytes(request, body), "GET", pathAndQuery);
    body.start(response.body());
    try (body) {
      if (response.code() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw failure("GET", pathAndQuery, response.code(), readSome(body));
      }
      // Parsers close what they read (Jackson's AUTO_CLOSE_SOURCE); closing here, after the
      // drain, keeps a fully read body from being cancelled.
      T result =
          reader.apply(
              new FilterInputStream(body) {
                @Override
                public void close() {}
              });
      drain(body);
      return Optional.ofNullable(result);
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED, "error reading GET " + pathAndQuery + ": " + e, e);
    }
  }

  /** Sends a body and returns the response body; throws on any non-2xx answer. */
  String send(String method, String path, String contentType, String body) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(master + path)
            .header("Accept", "application/json")
            .method(method, contentType, body)
            .build();
    HttpResponse<String> response = await(http.sendAsync(request, String.class), method, path);
    if (!response.isSuccessful()) {
      throw failure(method, path, response.code(), response.body());
    }
    return response.body();
  }

  /** Sends a DELETE; a 404 is fine. */
  void delete(String path) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder().uri(master + path).delete("application/json", "{}").build();
    HttpResponse<String> response = await(http.sendAsync(request, String.class), "DELETE", path);
    if (!response.isSuccessful() && response.code() != 404) {
      throw failure("DELETE", path, response.code(), response.body());
    }
  }

  private <R> R await(
      java.util.concurrent.CompletableFuture<R> future, String method, String path) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED, "interrupted during " + method + " " + path, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED,
          method
              + " "
              + master
              + path
              + " failed: "
              + cause.getMessage()
              + "; check that the API server is reachable and the kubeconfig is right",
          cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new BackupException(
          StandardErrorCode.TIMEOUT,
          method + " " + master + path + " got no answer in " + TIMEOUT_SECONDS + "s",
          e);
    }
  }

  private static BackupException failure(String method, String path, int code, String body) {
    String hint =
        switch (code) {
          case 401 -> "; the credentials in the kubeconfig were refused";
          case 403 -> "; the user of the kubeconfig lacks permission for this";
          case 409 -> "; the object changed or already exists";
          default -> "";
        };
    return new BackupException(
        code == 409 ? StandardErrorCode.CONFLICT : StandardErrorCode.CLUSTER_FAILED,
        method + " " + path + " answered " + code + hint + ": " + truncate(body));
  }

  /**
   * Reads what little may follow the document (a newline) so that the body ends normally and its
   * connection is kept for the next request instead of being cancelled by the close.
   */
  private static void drain(InputStream body) throws IOException {
    byte[] rest = new byte[512];
    long left = DRAIN_LIMIT;
    for (int n; left > 0 && (n = body.read(rest, 0, (int) Math.min(rest.length, left))) >= 0; ) {
      left -= n;
    }
  }

  private static String readSome(InputStream body) throws IOException {
    return new String(body.readNBytes(2048), StandardCharsets.UTF_8);
  }

  private static String truncate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 2048 ? body.substring(0, 2048) + "..." : body;
  }
}
