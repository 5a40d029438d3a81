package io.stowage.examples.store;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ConfigKeys;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The provider of {@link FlatDirectoryStore}: a BackupStorageLocation with {@code provider:
 * examples.stowage.io/flat-directory} and {@code config: {directory: /var/lib/backups}} opens one.
 *
 * <p>A store author copies this class and {@link FlatDirectoryStore}, and registers the provider
 * with {@code @AutoService(ObjectBackupStoreProvider.class)} in their own jar. <b>This one is
 * deliberately not registered</b> (no {@code @AutoService}, no {@code META-INF/services} entry):
 * the examples' classes are shaded into {@code stowage.jar}, so a registration here would make
 * every user of the command line see an example store as if it were a supported one. Its test
 * builds a registry from the instance instead ({@code PluginRegistry.of(List.of(new
 * FlatDirectoryStoreProvider()))}), which goes through the same name lookup and checks.
 *
 * <p>Configuration (the location's {@code spec.config}, plus {@code bucket}, {@code prefix} and
 * {@code caCert}, which Velero passes to every store):
 *
 * <ul>
 *   <li>{@code directory}, required: the directory holding one folder per bucket; created on first
 *       write. Must be a directory if it exists.
 *   <li>{@code fsync}, optional, {@code true} or {@code false} (default {@code true}): force each
 *       object to disk before it becomes visible.
 * </ul>
 *
 * Every problem is reported at {@link #create} with {@link StandardErrorCode#INVALID_ARGUMENT} and
 * a message naming the key and what to change, so a bad location fails its first use, not a backup
 * half-way.
 */
public final class FlatDirectoryStoreProvider implements ObjectBackupStoreProvider {
  public static final String NAME = "examples.stowage.io/flat-directory";
  public static final String DIRECTORY = "directory";
  public static final String FSYNC = "fsync";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    ConfigKeys.requireValidStoreKeys(context.config(), Set.of(DIRECTORY, FSYNC));
    String directory =
        context
            .setting(DIRECTORY)
            .orElseThrow(
                () ->
                    invalid(
                        "config key \""
                            + DIRECTORY
                            + "\" is required: the directory that holds one folder per bucket"));
    Path root;
    try {
      root = Path.of(directory).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw invalid("config key \"" + DIRECTORY + "\" is not a valid path: " + e.getMessage());
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw invalid(
          "config key \"" + DIRECTORY + "\" names " + root + ", which is not a directory");
    }
    return new FlatDirectoryStore(root, fsync(context.setting(FSYNC).orElse("true")));
  }

  private static boolean fsync(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw invalid(
              "config key \"" + FSYNC + "\" must be true or false, not \"" + value + "\"");
    };
  }

  private static BackupException invalid(String message) {
    return new BackupException(StandardErrorCode.INVALID_ARGUMENT, NAME + ": " + message);
  }
}
