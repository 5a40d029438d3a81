package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code --plugins-dir}: a plugin jar that is not on the class path (built by {@link
 * MarkerPluginJar}) takes part in a backup exactly when the command is given its directory, in
 * either position of the option, in process and through the controller.
 */
class PluginsDirectoryTest {
  private static final String CONFIG_MAP = "resources/configmaps/namespaces/shop/settings.json";

  private static EmbeddedKubernetes k8s;
  private static Path kubeconfig;
  private static Path plugins;
  private static Path jar;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp(@TempDir Path dir) throws IOException {
    k8s = new EmbeddedKubernetes().start();
    k8s.seed(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
    k8s.seed(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("settings")
            .withNamespace("shop")
            .endMetadata()
            .addToData("mode", "fast")
            .build());
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));
    plugins = dir.resolve("plugins");
    jar = MarkerPluginJar.writeInto(plugins);
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @Test
  void theActionOfAPluginJarRunsOnlyWithPluginsDir() throws IOException {
    Cli.Result without = create("without");
    Cli.Result after = create("after", "--plugins-dir", plugins.toString());
    Cli.Result before =
        Cli.run(
            "--plugins-dir",
            plugins.toString(),
            "backup",
            "create",
            "before",
            "--include-namespaces",
            "shop",
            "--kubeconfig",
            kubeconfig.toString(),
            "--store",
            "file://" + tmp.resolve("store"));

    for (Cli.Result result : List.of(without, after, before)) {
      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
    assertThat(annotation("without")).isEmpty();
    assertThat(annotation("after")).contains(MarkerPluginJar.VALUE);
    assertThat(annotation("before")).contains(MarkerPluginJar.VALUE);
  }

  @Test
  void verboseSaysWhichJarEachPluginCameFrom() {
    Cli.Result result =
        Cli.run(
            "backup",
            "get",
            "--store",
            "file://" + tmp,
            "--plugins-dir",
            plugins.toString(),
            "--verbose");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .contains(
            "  backup item action "
                + MarkerPluginJar.ACTION_NAME
                + ": "
                + MarkerPluginJar.PROVIDER_CLASS
                + " (from "
                + jar
                + ")");
    assertThat(result.errLines())
        .anyMatch(l -> l.startsWith("  object store filesystem: ") && l.contains("(from "));
  }

  @Test
  void theControllerOfTheDemoRunsThePluginsOfPluginsDir() throws IOException {
    Path demo = tmp.resolve("demo");

    Cli.Result result =
        Cli.run("demo", "--dir", demo.toString(), "--plugins-dir", plugins.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    Path backupDir;
    try (Stream<Path> list = Files.list(demo.resolve("backups"))) {
      backupDir = list.findFirst().orElseThrow();
    }
    String name = backupDir.getFileName().toString();
    JsonNode configMap =
        entry(
                backupDir.resolve(name + ".tar.gz"),
                "resources/configmaps/namespaces/shop/web-config.json")
            .orElseThrow();
    assertThat(
            configMap.at("/metadata/annotations/" + escaped(MarkerPluginJar.ANNOTATION)).asString())
        .isEqualTo(MarkerPluginJar.VALUE);
  }

  @Test
  void aMissingOrEmptyDirectoryIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("README.txt"), "not a jar");
    Path missing = tmp.resolve("missing");

    Cli.Result noDir =
        Cli.run("backup", "get", "--store", "file://" + tmp, "--plugins-dir", missing.toString());
    Cli.Result noJar =
        Cli.run("store", "check", "--store", "file://" + tmp, "--plugins-dir", empty.toString());

    assertThat(noDir.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noDir.errLines())
        .singleElement()
        .asString()
        .contains(missing.toString(), "does not exist");
    assertThat(noJar.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noJar.errLines()).singleElement().asString().contains(empty.toString(), "no .jar");
  }

  private Cli.Result create(String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "backup",
                "create",
                name,
                "--include-namespaces",
                "shop",
                "--kubeconfig",
                kubeconfig.toString(),
                "--store",
                "file://" + tmp.resolve("store")));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The marker annotation of the ConfigMap in a backup of the store, if any. */
  private Optional<String> annotation(String backup) throws IOException {
    JsonNode configMap =
        entry(tmp.resolve("store/backups/" + backup + "/" + backup + ".tar.gz"), CONFIG_MAP)
            .orElseThrow(() -> new AssertionError(CONFIG_MAP + " is not in backup " + backup));
    JsonNode value = configMap.at("/metadata/annotations/" + escaped(MarkerPluginJar.ANNOTATION));
    return value.isMissingNode() ? Optional.empty() : Optional.of(value.asString());
  }

  private static String escaped(String jsonPointerToken) {
    return jsonPointerToken.replace("~", "~0").replace("/", "~1");
  }

  private static Optional<JsonNode> entry(Path tarball, String name) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().equals(name)) {
          return Optional.of(VeleroJson.mapper().readTree(tar.readAllBytes()));
        }
      }
    }
    return Optional.empty();
  }
}
