package io.stowage.store.filesystem;

import com.google.auto.service.AutoService;
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
 * Provider {@code filesystem}: a {@link FilesystemObjectBackupStore} on a local directory.
 *
 * <p>Configuration (a BackupStorageLocation's {@code spec.config}):
 *
 * <ul>
 *   <li>{@value #ROOT} (required): the directory holding the buckets; bucket {@code b} is {@code
 *       <root>/b}. A relative path is resolved against the current directory. It is created on the
 *       first write if missing, but must be a directory if it exists.
 *   <li>{@code bucket}, {@code prefix}, {@code caCert}: passed by Velero to every store and
 *       accepted here; the bucket and prefix are used per call, a CA certificate has no meaning
 *       locally.
 * </ul>
 *
 * <p>Any other key is refused with {@link StandardErrorCode#INVALID_ARGUMENT} and Velero's message
 * listing the valid keys. {@link #create} has no side effects on the file system.
 */
@AutoService(ObjectBackupStoreProvider.class)
public final class FilesystemObjectBackupStoreProvider implements ObjectBackupStoreProvider {
  /** The provider name a BackupStorageLocation's {@code spec.provider} selects. */
  public static final String NAME = "filesystem";

  /** Config key of the directory holding the buckets. */
  public static final String ROOT = "root";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    ConfigKeys.requireValidStoreKeys(context.config(), Set.of(ROOT));
    String root =
        context
            .setting(ROOT)
            .orElseThrow(
                () ->
                    new BackupException(
                        StandardErrorCode.INVALID_ARGUMENT,
                        "config key \""
                            + ROOT
                            + "\" is required by object store provider "
                            + NAME
                            + ": set it to the local directory that holds the buckets, such as"
                            + " /var/lib/stowage"));
    Path path;
    try {
      path = Path.of(root);
    } catch (InvalidPathException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "config key \"" + ROOT + "\" is not a valid path: " + e.getMessage(),
          e);
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "config key \""
              + ROOT
              + "\" names "
              + path.toAbsolutePath()
              + ", which is not a directory; give the directory that holds the buckets");
    }
    return new FilesystemObjectBackupStore(path);
  }
}
