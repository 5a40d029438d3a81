package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupProgress;
import io.stowage.api.velero.v1.BackupStatus;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end of {@code stowage demo}: how the backup ended, where its files are and what to run next,
 * each command ready to paste into a shell.
 *
 * @param backup the Backup with its final status
 * @param store where the backup went
 * @param stored what of the backup the store holds
 * @param clusterStart time to start and seed the demo cluster
 * @param backupTime time the backup took
 * @param stowage how to run this tool again, such as {@code java -jar examples/target/stowage.jar}
 */
record DemoSummary(
    Backup backup,
    StoreUri store,
    Stored stored,
    Duration clusterStart,
    Duration backupTime,
    String stowage) {
  /** Words a POSIX shell takes as they are. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  /** What to print when the tool does not run from a jar (tests, an IDE). */
  static final String DEFAULT_STOWAGE = "java -jar examples/target/stowage.jar";

  /**
   * What of a backup a store holds.
   *
   * @param backup whether the backup is there ({@code velero-backup.json}, written last)
   * @param tarballBytes size of its tarball, -1 when there is none
   */
  record Stored(boolean backup, long tarballBytes) {
    static final Stored NOTHING = new Stored(false, -1);
  }

  DemoSummary {
    requireNonNull(backup, "backup is null");
    requireNonNull(store, "store is null");
    requireNonNull(stored, "stored is null");
    requireNonNull(clusterStart, "clusterStart is null");
    requireNonNull(backupTime, "backupTime is null");
    requireNonNull(stowage, "stowage is null");
  }

  String name() {
    return backup.getMetadata().getName();
  }

  /** The backup's directory when the store is a local directory. */
  Optional<Path> backupDirectory() {
    return store.localDirectory().map(d -> d.resolve("backups").resolve(name()));
  }

  /** The tarball's path when the store is a local directory. */
  Optional<Path> tarball() {
    return backupDirectory().map(d -> d.resolve(BackupFile.CONTENTS.fileName(name())));
  }

  /** The {@code --store} argument that reads this store back: absolute for a local directory. */
  String storeArgument() {
    return storeArgument(store);
  }

  /** The {@code --store} argument that reads {@code store}: absolute for a local directory. */
  static String storeArgument(StoreUri store) {
    return store.localDirectory().map(d -> "file://" + d).orElse(store.text());
  }

  void print(PrintWriter out) {
    BackupStatus status = backup.getStatus();
    BackupProgress progress = status.getProgress();
    out.println();
    out.println("Phase: " + status.phaseOrNew());
    if (status.getFailureReason() != null) {
      field(out, "Failure reason", status.getFailureReason());
    }
    status.getValidationErrors().forEach(m -> field(out, "Validation error", m));
    field(
        out,
        "Items backed up",
        (progress == null ? 0 : progress.getItemsBackedUp())
            + " ("
            + status.getWarnings()
            + " warnings, "
            + status.getErrors()
            + " errors)");
    if (status.getCsiVolumeSnapshotsAttempted() > 0) {
      field(
          out,
          "CSI snapshots",
          status.getCsiVolumeSnapshotsCompleted()
              + " of "
              + status.getCsiVolumeSnapshotsAttempted()
              + " ready");
    }
    if (status.getVolumeSnapshotsAttempted() > 0) {
      field(
          out,
          "Volume snapshots",
          status.getVolumeSnapshotsCompleted()
              + " of "
              + status.getVolumeSnapshotsAttempted()
              + " completed");
    }
    field(
        out,
        "Tarball size",
        stored.tarballBytes() < 0 ? "none written" : size(stored.tarballBytes()));
    field(
        out,
        "Elapsed",
        seconds(clusterStart.plus(backupTime))
            + " (cluster start "
            + seconds(clusterStart)
            + ", backup "
            + seconds(backupTime)
            + ")");
    Optional<Path> directory = backupDirectory();
    if (!stored.backup()) {
      field(out, "Store", storeArgument() + " (nothing written)");
      return;
    }
    if (directory.isPresent()) {
      field(out, "Backup files", directory.get() + "/");
      if (stored.tarballBytes() >= 0) {
        field(out, "Tarball", tarball().orElseThrow().toString());
      }
    } else {
      field(out, "Store", store.text());
    }
    String storeArg = " --store " + shell(storeArgument());
    out.println();
    out.println("Try next:");
    out.println("  " + stowage + " backup describe " + name() + " --details" + storeArg);
    out.println("  " + stowage + " backup logs " + name() + storeArg);
    out.println("  " + stowage + " backup get" + storeArg);
    if (stored.tarballBytes() >= 0) {
      tarball().ifPresent(t -> out.println("  tar tzf " + shell(t.toString()) + " | head -20"));
    }
  }

  /** One line of the summary under its phase: {@code Label: value}. */
  private static void field(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "  %-18s%s%n", label + ":", value);
  }

  /**
   * How to run this tool: {@code java -jar <the jar>} (relative to the current directory when it
   * lies below it), or {@link #DEFAULT_STOWAGE} when not running from a jar.
   */
  static String stowageCommand() {
    try {
      CodeSource source = DemoSummary.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        if (Files.isRegularFile(jar) && jar.getFileName().toString().endsWith(".jar")) {
          Path here = Path.of("").toAbsolutePath();
          return "java -jar "
              + shell((jar.startsWith(here) ? here.relativize(jar) : jar).toString());
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Not a file location: fall back to the documented command.
    }
    return DEFAULT_STOWAGE;
  }

  /** {@code word} as one POSIX shell word: as it is when safe, else single-quoted. */
  static String shell(String word) {
    if (SHELL_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** {@code 41.3 KiB (42297 bytes)}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double kib = bytes / 1024.0;
    String scaled =
        kib < 1024
            ? String.format(Locale.ROOT, "%.1f KiB", kib)
            : String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
    return scaled + " (" + bytes + " bytes)";
  }

  /** {@code 3.4s}. */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
