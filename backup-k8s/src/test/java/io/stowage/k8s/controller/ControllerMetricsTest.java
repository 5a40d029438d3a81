package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupPhase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Velero's metrics in Prometheus text after a success, a partial failure and a failed validation.
 */
@Timeout(60)
class ControllerMetricsTest {
  @TempDir Path root;

  @Test
  void prometheusTextCountsEachOutcomeUnderVelerosNames() throws Exception {
    BackupMetrics metrics = BackupMetrics.prometheus();
    try (ControllerHarness cluster = new ControllerHarness(root);
        MetricsServer server =
            MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metrics::scrape)) {
      BackupController controller =
          cluster.controller("a").service(cluster.service()).listener(metrics).build();
      controller.start();
      try {
        cluster.createBackup(
            "daily-1",
            spec -> spec.setIncludedNamespaces(List.of("shop")),
            "velero.io/schedule-name",
            "daily");
        cluster.awaitPhase("daily-1", BackupPhase.COMPLETED);
        // A namespace that does not exist is an error in the backup log: PartiallyFailed.
        cluster.createBackup(
            "partial", spec -> spec.setIncludedNamespaces(List.of("shop", "missing")));
        cluster.awaitPhase("partial", BackupPhase.PARTIALLY_FAILED);
        cluster.createBackup("invalid", spec -> spec.setStorageLocation("nowhere"));
        cluster.awaitPhase("invalid", BackupPhase.FAILED_VALIDATION);
        ControllerHarness.awaitTrue(
            () -> metrics.scrape().contains("\nvelero_backup_total 3.0\n"), "the resync");
      } finally {
        ControllerHarness.stopSettled(controller);
      }

      String text = get(server.port());
      assertThat(text)
          .contains(
              "# TYPE velero_backup_attempt_total counter\n",
              "velero_backup_attempt_total{schedule=\"daily\"} 1.0\n",
              "velero_backup_attempt_total{schedule=\"\"} 1.0\n",
              "velero_backup_success_total{schedule=\"daily\"} 1.0\n",
              "velero_backup_success_total{schedule=\"\"} 0.0\n",
              "velero_backup_partial_failure_total{schedule=\"\"} 1.0\n",
              "velero_backup_partial_failure_total{schedule=\"daily\"} 0.0\n",
              "velero_backup_failure_total{schedule=\"\"} 0.0\n",
              "velero_backup_failure_total{schedule=\"daily\"} 0.0\n",
              "velero_backup_validation_failure_total{schedule=\"\"} 1.0\n",
              "velero_backup_validation_failure_total{schedule=\"daily\"} 0.0\n",
              "# TYPE velero_backup_total gauge\n",
              "velero_backup_total 3.0\n",
              "velero_backup_last_status{schedule=\"daily\"} 1.0\n",
              "velero_backup_last_status{schedule=\"\"} 0.0\n",
              "# TYPE velero_backup_items_total gauge\n",
              "velero_backup_items_total{schedule=\"daily\"} 4.0\n",
              "velero_backup_items_errors{schedule=\"\"} 1.0\n",
              "velero_backup_items_errors{schedule=\"daily\"} 0.0\n",
              "# TYPE velero_backup_duration_seconds histogram\n",
              "velero_backup_duration_seconds_bucket{schedule=\"daily\",le=\"60.0\"} 1\n",
              "velero_backup_duration_seconds_bucket{schedule=\"\",le=\"14400.0\"} 1\n",
              "velero_backup_duration_seconds_count{schedule=\"\"} 1\n",
              "velero_volume_snapshot_attempt_total{schedule=\"\"} 0.0\n",
              "velero_volume_snapshot_success_total{schedule=\"\"} 0.0\n",
              "velero_volume_snapshot_failure_total{schedule=\"\"} 0.0\n",
              "velero_backup_warning_total{schedule=\"\"} 0.0\n");
      assertThat(text)
          .containsPattern(
              "\nvelero_backup_last_successful_timestamp\\{schedule=\"daily\"} 1\\.[0-9]+E9\n")
          .containsPattern(
              "\nvelero_backup_tarball_size_bytes\\{schedule=\"daily\"} [1-9][0-9.E]*\n")
          .doesNotContain("\nvelero_backup ", "\nvelero_backup_items{");
    }
  }

  private static String get(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    return response.body();
  }
}
