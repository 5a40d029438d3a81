package io.stowage.cli;

import io.stowage.api.store.BackupFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage backup logs}: the backup's log, as stored beside it ({@code -logs.gz}). */
@Command(
    name = "logs",
    description = "Print the log of a backup from its store (no cluster).",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class)
final class BackupLogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Override
  public Integer call() {
    try (Plugins plugins = StowageCli.plugins(spec);
        OpenStore open = storeOption.open(plugins)) {
      open.backup(name).copyText(BackupFile.LOG, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
