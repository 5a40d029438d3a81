package io.stowage.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.examples.Tarballs;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user ships it: {@code java -jar stowage.jar backup create} in a child process,
 * once without and once with {@code --plugins-dir} holding {@code redact-plugin.jar}. Only the
 * second tarball has the annotated values replaced. A child process, because in this JVM the plugin
 * module is a (test-scoped) dependency of the build.
 */
class RedactPluginCliIT {
  @TempDir Path tmp;

  @Test
  void aPluginJarDroppedIntoThePluginsDirectoryChangesTheTarball() throws Exception {
    Path plugins = RedactCluster.pluginsDirectory(tmp);
    Path store = tmp.resolve("backups");
    try (EmbeddedKubernetes k8s = RedactCluster.start()) {
      Path kubeconfig = k8s.writeKubeconfig(tmp.resolve("kubeconfig"));
      List<String> create =
          List.of(
              "backup",
              "create",
              "--kubeconfig",
              kubeconfig.toString(),
              "--store",
              "file://" + store,
              "--include-namespaces",
              "shop");

      stowage(concat(create, "plain"));
      stowage(concat(create, "redacted", "--plugins-dir", plugins.toString()));
    }

    RedactCluster.assertUnredacted(Tarballs.read(store.resolve("backups/plain/plain.tar.gz")));
    RedactCluster.assertRedacted(Tarballs.read(store.resolve("backups/redacted/redacted.tar.gz")));
  }

  /** Runs {@code java -jar target/stowage.jar args...} and expects exit 0 (Completed). */
  private static void stowage(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target", "stowage.jar").toAbsolutePath().toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("%s%n%s", String.join(" ", args), new String(output, StandardCharsets.UTF_8))
        .isZero();
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
