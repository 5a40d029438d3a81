package io.stowage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stowage backup}: the backup commands. */
@Command(
    name = "backup",
    description = "Create backups and read them from a store.",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    subcommands = {
      BackupCreateCommand.class,
      BackupGetCommand.class,
      BackupDescribeCommand.class,
      BackupLogsCommand.class,
      BackupDownloadCommand.class
    })
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw StowageCli.missingSubcommand(spec);
  }
}
