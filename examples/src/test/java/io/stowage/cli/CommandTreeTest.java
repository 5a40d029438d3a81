package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.LabelSelector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of the {@code stowage} tree, found by walking picocli's model (so a new command is
 * covered without touching this test): {@code --help} exits 0 and prints its usage; an unknown flag
 * and a value its option cannot take each give exactly one line on stderr, nothing on stdout, and
 * exit code 64.
 */
class CommandTreeTest {
  /** A value each option type refuses. */
  private static final Map<Class<?>, String> BAD_VALUES =
      Map.of(
          int.class, "lots",
          Integer.class, "lots",
          GoDuration.class, "soon",
          StoreUri.class, "gs://bucket",
          LabelSelector.class, "app in (",
          boolean.class, "maybe");

  @Test
  void helpWorksOnEveryCommand() {
    Map<String, CommandSpec> commands = commands();
    assertThat(commands.keySet())
        .contains(
            "demo",
            "server",
            "version",
            "backup create",
            "backup get",
            "backup describe",
            "backup logs",
            "backup download",
            "store check");

    commands.forEach(
        (path, spec) -> {
          Cli.Result help = Cli.run(args(path, "--help"));
          assertThat(help.exitCode()).as(path + " --help: " + help.err()).isZero();
          assertThat(help.out()).as(path).startsWith("Usage: stowage " + path);
          assertThat(help.err()).as(path).isEmpty();
        });
  }

  @Test
  void anUnknownFlagIsOneLineAndExit64OnEveryCommand() {
    commands()
        .forEach(
            (path, spec) -> {
              Cli.Result result = Cli.run(args(path, "--no-such-flag"));
              assertThat(result.exitCode()).as(path + ": " + result.err()).isEqualTo(64);
              assertThat(result.errLines())
                  .as(path)
                  .singleElement()
                  .asString()
                  .contains("--no-such-flag")
                  .endsWith("(see '" + spec.qualifiedName() + " --help')");
              assertThat(result.out()).as(path).isEmpty();
            });
  }

  @Test
  void aBadValueIsOneLineAndExit64OnEveryOption() {
    List<String> checked = new ArrayList<>();
    commands()
        .forEach(
            (path, spec) -> {
              for (OptionSpec option : spec.options()) {
                String bad = BAD_VALUES.get(option.type());
                if (bad == null || option.usageHelp() || option.versionHelp()) {
                  continue;
                }
                String flag = option.longestName();
                String[] args =
                    option.arity().max() == 0
                        ? args(path, flag + "=" + bad)
                        : args(path, flag, bad);
                Cli.Result result = Cli.run(args);
                String what = path + " " + flag + " " + bad;
                assertThat(result.exitCode()).as(what + ": " + result.err()).isEqualTo(64);
                assertThat(result.errLines()).as(what).hasSize(1);
                assertThat(result.out()).as(what).isEmpty();
                checked.add(path + " " + flag);
              }
            });
    assertThat(checked)
        .contains(
            "backup create --page-size",
            "backup create --ttl",
            "backup create --store",
            "backup get --store",
            "server --workers",
            "demo --store");
  }

  /** Every command below the root, by its path ({@code backup create}), aliases left out. */
  private static Map<String, CommandSpec> commands() {
    CommandLine root =
        StowageCli.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    Map<String, CommandSpec> commands = new LinkedHashMap<>();
    collect(root, "", commands);
    return commands;
  }

  private static void collect(CommandLine parent, String prefix, Map<String, CommandSpec> into) {
    for (CommandLine child : parent.getSubcommands().values()) {
      String path = prefix + child.getCommandName();
      if (into.putIfAbsent(path, child.getCommandSpec()) == null) {
        collect(child, path + " ", into);
      }
    }
  }

  private static String[] args(String path, String... more) {
    List<String> args = new ArrayList<>(List.of(path.split(" ")));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
