package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.PluginProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the class loader of a plugins directory (the command line's {@code --plugins-dir}).
 *
 * <p>The loader holds every regular file ending in {@code .jar} directly in the directory (not in
 * subdirectories), in file-name order, and delegates parent-first to the class loader that loaded
 * Stowage's API, so the plugins share one copy of the SPI types with the application. It is named
 * {@code stowage-plugins:<directory>}, which {@link PluginRegistry} messages show. The caller owns
 * the loader: close it only after the last use of the providers it loaded.
 */
public final class PluginClassLoaders {
  private static final Logger LOG = LoggerFactory.getLogger(PluginClassLoaders.class);

  private PluginClassLoaders() {}

  /** The loader of a plugins directory, child of the application loader that holds the SPI. */
  public static URLClassLoader forPluginsDirectory(Path directory) {
    return forPluginsDirectory(directory, PluginProvider.class.getClassLoader());
  }

  /**
   * The loader of a plugins directory with the given parent, which must see {@code backup-api}.
   *
   * @throws BackupException {@link StandardErrorCode#NOT_FOUND} when the directory does not exist,
   *     {@link StandardErrorCode#INVALID_ARGUMENT} when it is not a readable directory
   */
  public static URLClassLoader forPluginsDirectory(Path directory, ClassLoader parent) {
    requireNonNull(directory, "directory is null");
    Path dir = directory.toAbsolutePath().normalize();
    List<Path> jars = jarsIn(dir);
    List<URL> urls = new ArrayList<>(jars.size());
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT, "Cannot use plugin jar " + jar + ": " + e, e);
      }
    }
    LOG.debug("Plugins directory {} holds {} jar(s): {}", dir, jars.size(), jars);
    return new URLClassLoader("stowage-plugins:" + dir, urls.toArray(URL[]::new), parent);
  }

  /** The {@code *.jar} regular files directly in a directory, sorted by name. */
  static List<Path> jarsIn(Path dir) {
    if (!Files.exists(dir)) {
      throw new BackupException(
          StandardErrorCode.NOT_FOUND,
          "The plugins directory "
              + dir
              + " does not exist; create it and put the plugin jars there, or point the"
              + " plugins directory setting at the folder that holds them.");
    }
    if (!Files.isDirectory(dir)) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "The plugins directory "
              + dir
              + " is not a directory; give the folder that holds the"
              + " plugin jars.");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "Cannot list the plugins directory " + dir + ": " + e.getMessage(),
          e);
    }
  }
}
