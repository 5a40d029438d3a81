package io.stowage.examples.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.BackupLog;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.PluginContext;
import io.stowage.api.velero.v1.Backup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RedactActionTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RecordingLog log = new RecordingLog();
  private final ActionContext context =
      new ActionContext() {
        @Override
        public Backup backup() {
          return new Backup();
        }

        @Override
        public BackupLog log() {
          return log;
        }
      };

  @Test
  void secretValuesNamedInTheAnnotationBecomeTheEncodedMarker() {
    BackupItem secret =
        item(
            "secrets",
            """
            {"apiVersion":"v1","kind":"Secret",
             "metadata":{"name":"db","namespace":"shop",
               "annotations":{"redact.examples.stowage.io/keys":"password, token"}},
             "data":{"password":"aHVudGVyMg==","token":"czNjcjN0","user":"YWRtaW4="}}
            """);

    ActionResult result = new RedactAction().execute(secret, context);

    ObjectNode data = (ObjectNode) result.item().body().get("data");
    assertThat(decode(data.get("password").asString())).isEqualTo(RedactAction.MARKER);
    assertThat(decode(data.get("token").asString())).isEqualTo(RedactAction.MARKER);
    assertThat(data.get("user").asString()).isEqualTo("YWRtaW4=");
    assertThat(result.additionalItems()).isEmpty();
  }

  @Test
  void configMapValuesBecomeTheMarkerItself() {
    BackupItem configMap =
        item(
            "configmaps",
            """
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"app","namespace":"shop",
               "annotations":{"redact.examples.stowage.io/keys":"apiKey"}},
             "data":{"apiKey":"abc123","mode":"fast"}}
            """);

    ActionResult result = new RedactAction().execute(configMap, context);

    assertThat(result.item().body().at("/data/apiKey").asString()).isEqualTo("[redacted]");
    assertThat(result.item().body().at("/data/mode").asString()).isEqualTo("fast");
  }

  @Test
  void theLogNamesTheKeysButNeverTheValues() {
    BackupItem secret =
        item(
            "secrets",
            """
            {"apiVersion":"v1","kind":"Secret",
             "metadata":{"name":"db","namespace":"shop",
               "annotations":{"redact.examples.stowage.io/keys":"password"}},
             "data":{"password":"aHVudGVyMg=="},"stringData":{"password":"hunter2"}}
            """);

    new RedactAction().execute(secret, context);

    assertThat(log.entries).hasSize(1);
    assertThat(log.entries.get(0)).contains("INFO", "data.password", "stringData.password");
    assertThat(String.join("\n", log.entries)).doesNotContain("hunter2", "aHVudGVyMg==");
  }

  @Test
  void aKeyFoundNowhereIsAWarningNamingIt() {
    BackupItem secret =
        item(
            "secrets",
            """
            {"apiVersion":"v1","kind":"Secret",
             "metadata":{"name":"db","namespace":"shop",
               "annotations":{"redact.examples.stowage.io/keys":"password,pasword"}},
             "data":{"password":"aHVudGVyMg=="}}
            """);

    new RedactAction().execute(secret, context);

    assertThat(log.entries).anySatisfy(e -> assertThat(e).startsWith("WARN").contains("[pasword]"));
  }

  @Test
  void anObjectWithoutTheAnnotationIsReturnedAsItIs() {
    BackupItem secret =
        item(
            "secrets",
            """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"shop"},
             "data":{"password":"aHVudGVyMg=="}}
            """);

    ActionResult result = new RedactAction().execute(secret, context);

    assertThat(result.item()).isSameAs(secret);
    assertThat(log.entries).isEmpty();
  }

  @Test
  void theCallersItemIsNotChanged() {
    BackupItem secret =
        item(
            "secrets",
            """
            {"apiVersion":"v1","kind":"Secret",
             "metadata":{"name":"db","namespace":"shop",
               "annotations":{"redact.examples.stowage.io/keys":"password"}},
             "data":{"password":"aHVudGVyMg=="}}
            """);

    new RedactAction().execute(secret, context);

    assertThat(secret.body().at("/data/password").asString()).isEqualTo("aHVudGVyMg==");
  }

  @Test
  void itSelectsSecretsAndConfigMapsOnly() {
    assertThat(new RedactAction().appliesTo().includedResources())
        .containsExactly("secrets", "configmaps");
  }

  @Test
  void annotationKeysAreTrimmedAndBlanksDropped() {
    assertThat(RedactAction.keysToRedact(" a, ,b,a ")).containsExactly("a", "b");
    assertThat(RedactAction.keysToRedact(null)).isEmpty();
  }

  @Test
  void theProviderRefusesSettings() {
    RedactActionProvider provider = new RedactActionProvider();

    assertThat(provider.name()).isEqualTo("examples.stowage.io/redact");
    assertThat(provider.create(PluginContext.of(Map.of()))).isInstanceOf(RedactAction.class);
    assertThatThrownBy(() -> provider.create(PluginContext.of(Map.of("marker", "x"))))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("invalid keys [marker]");
  }

  private static BackupItem item(String resource, String json) {
    ObjectNode body = (ObjectNode) JSON.readTree(json);
    String namespace = body.at("/metadata/namespace").asString();
    String name = body.at("/metadata/name").asString();
    return new BackupItem(new ItemIdentity("", "v1", resource, namespace, name), body);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  /** Keeps each entry as {@code LEVEL item: message}. */
  private static final class RecordingLog implements BackupLog {
    final List<String> entries = new ArrayList<>();

    @Override
    public synchronized void log(
        Level level, ResourceIdentifier item, String message, Throwable error) {
      entries.add(level + " " + item + ": " + message);
    }
  }
}
