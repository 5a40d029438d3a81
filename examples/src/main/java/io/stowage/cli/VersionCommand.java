package io.stowage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stowage version}. */
@Command(
    name = "version",
    description = "Print the Stowage version and the Velero backup format version it writes.",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class)
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String line : StowageVersion.lines()) {
      out.println(line);
    }
    return ExitCodes.OK;
  }
}
