package io.stowage.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.examples.Tarballs;
import io.stowage.examples.controller.ControllerHost.Outcome;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ControllerHost} against an embedded API server and a filesystem store. */
class ControllerHostTest {
  @TempDir Path store;

  @Test
  void theEmbeddedControllerRunsABackupToCompletedAndCountsIt() throws Exception {
    try (EmbeddedKubernetes k8s = new EmbeddedKubernetes().start()) {
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
      k8s.seed(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("settings")
              .withNamespace("shop")
              .endMetadata()
              .addToData("mode", "fast")
              .build());

      Outcome outcome = ControllerHost.run(k8s.client(), store, "shop");

      assertThat(outcome.phase()).isEqualTo("Completed");
      Path backupDir = store.resolve("backups/backups").resolve(outcome.backup());
      assertThat(backupDir.resolve("velero-backup.json")).isRegularFile();
      assertThat(Tarballs.items(Tarballs.read(backupDir.resolve(outcome.backup() + ".tar.gz"))))
          .contains("resources/configmaps/namespaces/shop/settings.json");
      assertThat(metric(outcome.metrics(), "velero_backup_success_total")).isEqualTo(1.0);
      assertThat(metric(outcome.metrics(), "velero_backup_attempt_total")).isEqualTo(1.0);
    }
  }

  /** The value of the series of schedule {@code ""} of a metric in Prometheus text. */
  private static double metric(String scraped, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{schedule=\"\"\\} (\\S+)$").matcher(scraped);
    assertThat(m.find()).as("%s in%n%s", name, scraped).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
