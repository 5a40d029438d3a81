package io.stowage.cli;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage backup get} (alias {@code list}): the backups in a store, as a table. */
@Command(
    name = "get",
    aliases = "list",
    description = "List the backups in a store, read from their velero-backup.json (no cluster).",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class)
final class BackupGetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(
      arity = "0..*",
      paramLabel = "NAME",
      description = "Only these backups (default: all).")
  List<String> names;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Table table =
        new Table("NAME", "STATUS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES", "STORAGE LOCATION");
    int rows = 0;
    int exitCode = ExitCodes.OK;
    Instant now = Instant.now();
    try (Plugins plugins = StowageCli.plugins(spec);
        OpenStore open = storeOption.open(plugins)) {
      boolean all = names == null || names.isEmpty();
      for (String name : all ? open.store().listBackups() : names) {
        if (!open.store().backupExists(name)) {
          if (!all) {
            err.println("Error: backup " + name + " not found in store " + open.uri());
            exitCode = ExitCodes.FAILED;
          }
          continue; // a directory without velero-backup.json is not a backup (yet)
        }
        table.row(row(open.store().getBackupMetadata(name), now));
        rows++;
      }
    }
    if (rows > 0) {
      table.print(out);
    } else if (exitCode == ExitCodes.OK) {
      err.println("No backups found in store " + storeOption.uri + ".");
    }
    return exitCode;
  }

  private static Object[] row(Backup backup, Instant now) {
    BackupStatus status = backup.getStatus();
    Instant expiration = status.getExpiration();
    if (expiration == null
        && backup.getMetadata().getCreationTimestamp() != null
        && !backup.getSpec().getTtl().isZero()) {
      expiration =
          backup.getMetadata().getCreationTimestamp().plus(backup.getSpec().getTtl().toDuration());
    }
    return new Object[] {
      backup.getMetadata().getName(),
      backup.getMetadata().getDeletionTimestamp() != null ? "Deleting" : status.phaseOrNew(),
      status.getErrors(),
      status.getWarnings(),
      Text.time(status.getStartTimestamp()),
      Text.fromNow(expiration, now),
      Text.orNone(backup.getSpec().getStorageLocation())
    };
  }
}
