package io.stowage.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BackupLogWriterTest {
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

  @Test
  void countsWarningsAndErrorsAndWritesLogrusLinesGzipped() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    BackupLogWriter log = new BackupLogWriter(target, "velero/nightly", clock);
    ResourceIdentifier pod = new ResourceIdentifier(GroupResource.core("pods"), "shop", "web-0");

    log.info("Backing up item");
    log.warn(pod, "Additional item was not found");
    log.error(pod, "error executing custom action", new IllegalStateException("boom"));
    log.error("fail to get the namespace ghost", null);
    log.close();
    log.warn("after close");

    assertThat(log.warnings()).isEqualTo(2);
    assertThat(log.errors()).isEqualTo(2);
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(target.toByteArray())).readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(text.lines())
        .containsExactly(
            "time=\"2026-01-02T03:04:05Z\" level=info msg=\"Backing up item\" backup=velero/nightly",
            "time=\"2026-01-02T03:04:05Z\" level=warning msg=\"Additional item was not found\""
                + " backup=velero/nightly name=web-0 namespace=shop resource=pods",
            "time=\"2026-01-02T03:04:05Z\" level=error msg=\"error executing custom action\""
                + " backup=velero/nightly error=boom name=web-0 namespace=shop resource=pods",
            "time=\"2026-01-02T03:04:05Z\" level=error msg=\"fail to get the namespace ghost\""
                + " backup=velero/nightly");
  }

  @Test
  void groupsResultsByScopeAsVelero() {
    BackupLogWriter log = new BackupLogWriter(new ByteArrayOutputStream(), "velero/b", clock);
    log.error(
        new ResourceIdentifier(GroupResource.core("persistentvolumes"), "", "pv-1"), "bad", null);
    log.error(new ResourceIdentifier(GroupResource.core("pods"), "ns1", "p"), "worse", null);
    log.warn("general");

    assertThat(log.results().toJson().toString())
        .isEqualTo(
            "{\"errors\":{\"cluster\":[\" resource: /persistentvolumes name: /pv-1 message: /bad\"],"
                + "\"namespaces\":{\"ns1\":[\" resource: /pods name: /p message: /worse\"]}},"
                + "\"warnings\":{\"velero\":[\" message: /general\"]}}");
  }
}
