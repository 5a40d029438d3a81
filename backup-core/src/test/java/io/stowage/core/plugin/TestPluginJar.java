package io.stowage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.spi.PluginProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar at test time: provider classes are compiled from source with the system
 * Java compiler against this test's class path, and listed in {@code META-INF/services/<provider
 * interface>} in the order they were added, so that {@link java.util.ServiceLoader} finds them
 * exactly as it finds a third-party plugin.
 */
final class TestPluginJar {
  private static final String PACKAGE_PREFIX = "test.plugins.";

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();

  /** A provider class, compiled and listed under its kind's services file. */
  TestPluginJar provider(PluginKind<?> kind, String simpleClassName, Spec spec) {
    String className = PACKAGE_PREFIX + simpleClassName;
    sources.put(className, spec.source(kind, simpleClassName));
    return listed(kind, className);
  }

  /** A line in the services file only, with no class behind it. */
  TestPluginJar listed(PluginKind<?> kind, String className) {
    services.computeIfAbsent(kind.providerType().getName(), k -> new ArrayList<>()).add(className);
    return this;
  }

  /** Compiles the sources and writes the jar; returns {@code jar}. */
  Path writeTo(Path jar) throws IOException {
    Path work = Files.createTempDirectory(jar.getParent(), "build-");
    Path src = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString()));
    args.addAll(List.of("-classpath", compileClassPath()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    if (!sources.isEmpty()) {
      compile(args);
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      for (Map.Entry<String, List<String>> service : services.entrySet()) {
        zip.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
        zip.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
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

  /**
   * The test's class path plus the jars/directories of the SPI and its dependencies (under
   * surefire, java.class.path may be a manifest-only booter jar).
   */
  private static String compileClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type :
        List.of(
            PluginProvider.class,
            tools.jackson.databind.JsonNode.class,
            tools.jackson.core.JsonParser.class,
            org.slf4j.Logger.class)) {
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

  /** What a generated provider says about itself and does when constructed. */
  record Spec(String name, Set<String> aliases, int spiVersion, String constructorBody) {
    static Spec named(String name, String... aliases) {
      return new Spec(name, Set.of(aliases), PluginProvider.SPI_VERSION, "");
    }

    Spec spi(int version) {
      return new Spec(name, aliases, version, constructorBody);
    }

    Spec throwingInConstructor(String message) {
      return new Spec(
          name, aliases, spiVersion, "throw new IllegalStateException(\"" + message + "\");");
    }

    Spec throwingInStaticInit(String message) {
      return new Spec(
          name,
          aliases,
          spiVersion,
          "} static { if (true) throw new IllegalStateException(\"" + message + "\");");
    }

    String source(PluginKind<?> kind, String simpleClassName) {
      String product =
          switch (kind.providerType().getSimpleName()) {
            case "ObjectBackupStoreProvider" -> "ObjectBackupStore";
            case "BackupItemActionProvider" -> "BackupItemAction";
            case "VolumeSnapshotterProvider" -> "VolumeSnapshotter";
            default -> throw new IllegalArgumentException(kind.toString());
          };
      String aliasList =
          aliases.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
      return String.join(
          "\n",
          "package test.plugins;",
          "import io.stowage.api.spi.*;",
          "import java.util.Set;",
          "public final class "
              + simpleClassName
              + " implements "
              + kind.providerType().getName()
              + " {",
          "  public " + simpleClassName + "() { " + constructorBody + " }",
          "  @Override public String name() { return \"" + name + "\"; }",
          "  @Override public Set<String> aliases() { return Set.of(" + aliasList + "); }",
          "  @Override public int spiVersion() { return " + spiVersion + "; }",
          "  @Override public " + product + " create(PluginContext context) {",
          "    throw new UnsupportedOperationException(\"test provider\");",
          "  }",
          "}",
          "");
    }
  }
}
