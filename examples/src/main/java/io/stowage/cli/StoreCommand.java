package io.stowage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stowage store}: commands about a backup store itself. */
@Command(
    name = "store",
    description = "Check a backup store.",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    subcommands = {StoreCheckCommand.class})
final class StoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw StowageCli.missingSubcommand(spec);
  }
}
