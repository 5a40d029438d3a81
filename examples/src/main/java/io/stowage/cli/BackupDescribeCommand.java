package io.stowage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage backup describe}: one or more backups in detail, from the store alone. */
@Command(
    name = "describe",
    description = "Describe backups from their store (no cluster).",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class)
final class BackupDescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The backups.")
  List<String> names;

  @Option(
      names = "--details",
      description =
          "Also list the backed-up resources, the volume snapshots and every warning"
              + " and error message.")
  boolean details;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Plugins plugins = StowageCli.plugins(spec);
        OpenStore open = storeOption.open(plugins)) {
      BackupDescriber describer = new BackupDescriber(out, open.uri().toString());
      for (String name : names) {
        describer.describe(open.backup(name), details);
      }
    }
    return ExitCodes.OK;
  }
}
