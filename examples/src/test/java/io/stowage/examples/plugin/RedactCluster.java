package io.stowage.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster the plugin tests back up (namespace {@code shop}: a Secret and a ConfigMap whose
 * {@code redact.examples.stowage.io/keys} annotations name one key each), the plugin jar, and
 * checks on the tarball's copies of the two objects.
 */
final class RedactCluster {
  static final String PLUGIN_NAME = "examples.stowage.io/redact";
  static final String SECRET_PATH = "resources/secrets/namespaces/shop/db.json";
  static final String CONFIG_MAP_PATH = "resources/configmaps/namespaces/shop/app.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RedactCluster() {}

  static EmbeddedKubernetes start() {
    EmbeddedKubernetes k8s = EmbeddedKubernetes.builder().defaultNamespaces(false).build().start();
    k8s.seed(
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
        new NamespaceBuilder().withNewMetadata().withName("velero").endMetadata().build(),
        new SecretBuilder()
            .withNewMetadata()
            .withName("db")
            .withNamespace("shop")
            .addToAnnotations("redact.examples.stowage.io/keys", "password")
            .endMetadata()
            .addToStringData("password", "hunter2")
            .addToStringData("user", "admin")
            .build(),
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("app")
            .withNamespace("shop")
            .addToAnnotations("redact.examples.stowage.io/keys", "apiKey")
            .endMetadata()
            .addToData("apiKey", "abc123")
            .addToData("mode", "fast")
            .build());
    return k8s;
  }

  /** The jar {@code examples/redact-plugin} builds, as the build tells failsafe. */
  static Path pluginJar() {
    Path jar =
        Path.of(
                System.getProperty(
                    "stowage.examples.redactPluginJar", "redact-plugin/target/redact-plugin.jar"))
            .toAbsolutePath();
    assertThat(jar).as("the plugin jar; build examples/redact-plugin first").isRegularFile();
    return jar;
  }

  /** A plugins directory holding a copy of the plugin jar and nothing else. */
  static Path pluginsDirectory(Path parent) {
    try {
      Path dir = Files.createDirectories(parent.resolve("plugins"));
      Files.copy(
          pluginJar(), dir.resolve("redact-plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Secret and ConfigMap in the tarball hold their real values. */
  static void assertUnredacted(Map<String, String> tarball) {
    assertThat(secretValue(tarball, "password")).isEqualTo("hunter2");
    assertThat(secretValue(tarball, "user")).isEqualTo("admin");
    assertThat(configMapValue(tarball, "apiKey")).isEqualTo("abc123");
    assertThat(configMapValue(tarball, "mode")).isEqualTo("fast");
  }

  /** The annotated keys read {@code [redacted]}, the others their real values. */
  static void assertRedacted(Map<String, String> tarball) {
    assertThat(secretValue(tarball, "password")).isEqualTo("[redacted]");
    assertThat(secretValue(tarball, "user")).isEqualTo("admin");
    assertThat(configMapValue(tarball, "apiKey")).isEqualTo("[redacted]");
    assertThat(configMapValue(tarball, "mode")).isEqualTo("fast");
    assertThat(tarball.get(SECRET_PATH)).doesNotContain(base64("hunter2"));
    assertThat(tarball.get(CONFIG_MAP_PATH)).doesNotContain("abc123");
  }

  private static String secretValue(Map<String, String> tarball, String key) {
    String encoded = field(tarball, SECRET_PATH, key);
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static String configMapValue(Map<String, String> tarball, String key) {
    return field(tarball, CONFIG_MAP_PATH, key);
  }

  private static String field(Map<String, String> tarball, String path, String key) {
    assertThat(tarball).containsKey(path);
    JsonNode value = JSON.readTree(tarball.get(path)).path("data").path(key);
    assertThat(value.isString()).as("%s data.%s", path, key).isTrue();
    return value.asString();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
