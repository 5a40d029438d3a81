package io.stowage.testkit.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.spi.PluginProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
 * Builds a real plugin jar at test time, for tests of plugin discovery from a plugins directory
 * (the command line's {@code --plugins-dir}, {@code PluginClassLoaders}): Java sources are compiled
 * with the system compiler against the test's class path and the SPI, and each provider class is
 * listed in {@code META-INF/services/<provider interface>} in the order given, so that {@link
 * java.util.ServiceLoader} finds them exactly as it finds a third-party plugin. Nothing of the jar
 * is on the test's own class path.
 *
 * <p>Needs a JDK (the system Java compiler). Not thread-safe; one builder per jar.
 */
public final class PluginJarBuilder {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();

  /** The source of a class to compile into the jar, by its fully qualified name. */
  public PluginJarBuilder source(String className, String javaSource) {
    sources.put(requireNonNull(className, "className is null"), javaSource);
    return this;
  }

  /**
   * A line in the services file of {@code providerType}; the class may come from {@link #source} or
   * not exist at all (to test a broken plugin).
   */
  public PluginJarBuilder service(Class<?> providerType, String className) {
    services.computeIfAbsent(providerType.getName(), k -> new ArrayList<>()).add(className);
    return this;
  }

  /** A class from {@link #source} listed as a provider of {@code providerType}. */
  public PluginJarBuilder provider(Class<?> providerType, String className, String javaSource) {
    return source(className, javaSource).service(providerType, className);
  }

  /**
   * Compiles the sources (in a temporary directory beside {@code jar}) and writes the jar.
   *
   * @return {@code jar}
   * @throws IllegalStateException when there is no system compiler or the sources do not compile
   *     (with the compiler's messages)
   */
  public Path writeTo(Path jar) {
    try {
      Path parent = jar.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path work = Files.createTempDirectory(parent, "plugin-build-");
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
      writeJar(jar, classes);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build plugin jar " + jar, e);
    }
  }

  private void writeJar(Path jar, Path classes) throws IOException {
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
  }

  private static void compile(List<String> args) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("building a plugin jar needs a JDK, not a JRE");
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
    int rc = compiler.run(null, err, err, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException(
          "plugin sources do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * The test's class path plus the jars of the SPI and Jackson: under surefire, {@code
   * java.class.path} may be a manifest-only booter jar.
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
}
