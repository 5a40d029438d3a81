package io.stowage.cli;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.store.BackupFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stowage backup download}: copies a backup's tarball ({@code <name>.tar.gz}) out of its
 * store to a local file, as {@code velero backup download} does.
 *
 * <p>The tarball is streamed into a temporary file beside the target (owner-only: a backup holds
 * Secrets) and moved into place when complete, so a failed download leaves no partial file and an
 * existing file is replaced only with {@code --force}.
 */
@Command(
    name = "download",
    description = {
      "Download a backup's contents (the tarball) from its store (no cluster).",
      "Exit 0 when downloaded, 1 when the backup or its tarball is missing or the output exists."
    },
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    sortOptions = false)
final class BackupDownloadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "The file to write (default: <NAME>-data.tar.gz in the current directory).")
  Path output;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() {
    Path target = (output != null ? output : Path.of(name + "-data.tar.gz")).toAbsolutePath();
    if (Files.exists(target) && !force) {
      throw alreadyExists(target);
    }
    if (!Files.isDirectory(target.getParent())) {
      throw new BackupException(
          StandardErrorCode.NOT_FOUND,
          "directory " + target.getParent() + " does not exist; create it or choose another -o");
    }
    try (Plugins plugins = StowageCli.plugins(spec);
        OpenStore open = storeOption.open(plugins)) {
      InputStream contents = open.backup(name).open(BackupFile.CONTENTS);
      write(contents, target);
    }
    spec.commandLine()
        .getOut()
        .println("Backup " + name + " has been successfully downloaded to " + target);
    return ExitCodes.OK;
  }

  /** Streams {@code contents} to a temporary file in the target's directory, then moves it. */
  private void write(InputStream contents, Path target) {
    Path directory = target.getParent();
    Path partial = null;
    try (InputStream in = contents) {
      // Files.createTempFile creates the file readable and writable by its owner only.
      partial = Files.createTempFile(directory, "." + target.getFileName(), ".part");
      try (OutputStream out = Files.newOutputStream(partial)) {
        in.transferTo(out);
      }
      if (force) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(partial, target);
      }
      partial = null;
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(target);
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot write " + target + ": " + e.getMessage(), e));
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // The temporary file is hidden and named after the target; nothing more to do.
        }
      }
    }
  }

  private static BackupException alreadyExists(Path target) {
    return new BackupException(
        StandardErrorCode.ALREADY_EXISTS,
        "file "
            + target
            + " already exists; remove it, choose another with -o, or replace it with --force");
  }
}
