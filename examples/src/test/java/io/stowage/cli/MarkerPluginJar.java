package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.BackupItemActionProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A third-party plugin jar built at test time: one {@link BackupItemActionProvider}, compiled from
 * source with the system Java compiler and listed in its {@code META-INF/services} file, whose
 * action annotates every ConfigMap with {@value #ANNOTATION}{@code =}{@value #VALUE}. Nothing of it
 * is on the test's class path, so a backup carries the annotation only when the command found the
 * jar.
 */
final class MarkerPluginJar {
  static final String ACTION_NAME = "test.stowage.io/marker";
  static final String PROVIDER_CLASS = "test.plugins.MarkerActionProvider";
  static final String ANNOTATION = "test.stowage.io/marked-by";
  static final String VALUE = "plugins-dir";

  private static final String SOURCE =
      """
      package test.plugins;

      import io.stowage.api.BackupItem;
      import io.stowage.api.ResourceSelector;
      import io.stowage.api.spi.ActionContext;
      import io.stowage.api.spi.ActionResult;
      import io.stowage.api.spi.BackupItemAction;
      import io.stowage.api.spi.BackupItemActionProvider;
      import io.stowage.api.spi.PluginContext;
      import tools.jackson.databind.node.ObjectNode;

      public final class MarkerActionProvider implements BackupItemActionProvider {
        @Override public String name() { return "%s"; }

        @Override public BackupItemAction create(PluginContext context) {
          return new BackupItemAction() {
            @Override public ResourceSelector appliesTo() {
              return ResourceSelector.resources("configmaps");
            }

            @Override public ActionResult execute(BackupItem item, ActionContext context) {
              ObjectNode body = item.body().deepCopy();
              ObjectNode metadata = (ObjectNode) body.get("metadata");
              ObjectNode annotations = metadata.has("annotations")
                  ? (ObjectNode) metadata.get("annotations")
                  : metadata.putObject("annotations");
              annotations.put("%s", "%s");
              return ActionResult.unchanged(item.withBody(body));
            }
          };
        }
      }
      """
          .formatted(ACTION_NAME, ANNOTATION, VALUE);

  private MarkerPluginJar() {}

  /** Compiles the provider and writes the jar into {@code directory}; answers the jar. */
  static Path writeInto(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path work = Files.createTempDirectory(directory.getParent(), "marker-build-");
    Path source = work.resolve("src/test/plugins/MarkerActionProvider.java");
    Path classes = Files.createDirectories(work.resolve("classes"));
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE);
    compile(
        List.of(
            "-proc:none",
            "-d",
            classes.toString(),
            "-classpath",
            compileClassPath(),
            source.toString()));
    Path jar = directory.resolve("marker-action.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(
          new JarEntry("META-INF/services/" + BackupItemActionProvider.class.getName()));
      zip.write((PROVIDER_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(file));
          zip.closeEntry();
        }
      }
    }
    return jar;
  }

  private static void compile(List<String> args) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK (not a JRE) runs the tests").isNotNull();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
    int rc = compiler.run(null, err, err, args.toArray(String[]::new));
    assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
  }

  /** The jars of the SPI and Jackson (under surefire, java.class.path may be a booter jar). */
  private static String compileClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type :
        List.of(
            BackupItemActionProvider.class,
            tools.jackson.databind.JsonNode.class,
            tools.jackson.core.JsonParser.class)) {
      try {
        entries.add(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    return entries.stream()
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
