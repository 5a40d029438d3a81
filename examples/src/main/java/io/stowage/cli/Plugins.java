package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.core.plugin.PluginClassLoaders;
import io.stowage.core.plugin.PluginProblem;
import io.stowage.core.plugin.PluginRegistry;
import io.stowage.core.plugin.ProviderDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The plugins one command runs with: every provider on the class path (the stores and actions
 * shaded into {@code stowage.jar}) and, with {@code --plugins-dir}, those of the jars in that
 * directory, found by the same {@link java.util.ServiceLoader} search. Closing releases the plugin
 * jars, so close only after the last use of anything a provider created.
 */
final class Plugins implements AutoCloseable {
  private final PluginRegistry registry;
  private final URLClassLoader loader;

  private Plugins(PluginRegistry registry, URLClassLoader loader) {
    this.registry = requireNonNull(registry, "registry is null");
    this.loader = loader;
  }

  /**
   * Loads the plugins; with {@code verbose}, lists every provider and the jar it came from (and
   * every loading problem) on the command's stderr.
   *
   * @param directory the {@code --plugins-dir}, or null for the class path alone
   * @param command the command, for its stderr and usage errors
   * @throws ParameterException when {@code directory} does not exist, is not a readable directory,
   *     or holds no {@code .jar} file: a plugins directory that adds nothing is a mistake
   */
  static Plugins load(Path directory, CommandLine command, boolean verbose) {
    Plugins plugins = directory == null ? classPath() : fromDirectory(directory, command);
    if (verbose) {
      plugins.describe(command.getErr());
    }
    return plugins;
  }

  private static Plugins classPath() {
    return new Plugins(PluginRegistry.load(Plugins.class.getClassLoader()), null);
  }

  private static Plugins fromDirectory(Path directory, CommandLine command) {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.isDirectory(dir) && !Files.isReadable(dir)) {
      throw new ParameterException(
          command, "--plugins-dir " + dir + " is not readable; give a directory of plugin jars");
    }
    URLClassLoader loader;
    try {
      loader = PluginClassLoaders.forPluginsDirectory(dir, Plugins.class.getClassLoader());
    } catch (BackupException e) {
      throw new ParameterException(command, "--plugins-dir: " + e.getMessage());
    }
    if (loader.getURLs().length == 0) {
      close(loader);
      throw new ParameterException(
          command, "--plugins-dir " + dir + " holds no .jar file; put the plugin jars there");
    }
    return new Plugins(PluginRegistry.load(loader), loader);
  }

  /** The providers, by kind and name. */
  PluginRegistry registry() {
    return registry;
  }

  private void describe(PrintWriter err) {
    err.println("Plugins from " + registry.source() + ":");
    for (ProviderDescriptor provider : registry.providers()) {
      err.println(
          "  "
              + provider.kind()
              + " "
              + provider.name()
              + (provider.aliases().isEmpty()
                  ? ""
                  : " (also "
                      + String.join(", ", provider.aliases().stream().sorted().toList())
                      + ")")
              + ": "
              + provider.origin()
              + (provider.usable() ? "" : " [name claimed twice: unusable]"));
    }
    for (PluginProblem problem : registry.problems()) {
      err.println("  problem: " + problem);
    }
    err.flush();
  }

  @Override
  public void close() {
    if (loader != null) {
      close(loader);
    }
  }

  private static void close(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Only open jar files are released here; nothing to report to the user.
    }
  }
}
