package io.stowage.cli;

import io.stowage.api.BackupException;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.LabelSelector;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code stowage}: Velero's backup flow from the command line. Entry point of {@code stowage.jar}.
 *
 * <p>Exit codes: 0 success (backup Completed), 2 backup PartiallyFailed, 1 backup Failed or
 * FailedValidation or any other failure, 64 usage error. Errors are one line on stderr.
 */
@Command(
    name = "stowage",
    description = "Velero-compatible Kubernetes backups from the JVM.",
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class,
    subcommands = {
      DemoCommand.class,
      BackupCommand.class,
      ServerCommand.class,
      StoreCommand.class,
      VersionCommand.class
    })
public final class StowageCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static volatile boolean verbose;

  /** Whether stdout is a terminal, for progress bars; only {@link #main} sets it. */
  private boolean terminal;

  private Path pluginsDirectory;

  @Option(
      names = "--plugins-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "<dir>",
      description =
          "Also load plugins (stores, item actions, snapshotters) from the jars in <dir>.")
  void setPluginsDirectory(Path value) {
    pluginsDirectory = value;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log at info level (debug for Stowage) on stderr, and show stack traces.")
  void setVerbose(boolean value) {
    if (value) {
      verbose = true;
      CliLogging.verbose();
    }
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(args, out, err, stdoutIsTerminal());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line in this JVM with the given output streams and answers the exit code;
   * never calls {@link System#exit}.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, false);
  }

  /**
   * As {@link #execute(String[], PrintWriter, PrintWriter)}; {@code terminal} says that {@code out}
   * is a terminal, where progress is a bar redrawn in place instead of timestamped lines.
   */
  static int execute(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    verbose = false; // a setting of the command line, not of the JVM that runs several
    try {
      CommandLine cli = commandLine(out, err);
      ((StowageCli) cli.getCommand()).terminal = terminal;
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new StowageCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(StoreUri.class, value -> converted(() -> StoreUri.parse(value)));
    cli.registerConverter(GoDuration.class, value -> converted(() -> GoDuration.parse(value)));
    cli.registerConverter(
        LabelSelector.class, value -> converted(() -> VeleroFlags.labelSelector(value)));
    cli.setParameterExceptionHandler(StowageCli::usageError);
    cli.setExecutionExceptionHandler(StowageCli::failure);
    return cli;
  }

  @Override
  public Integer call() {
    throw missingSubcommand(spec);
  }

  /** The root command of the command line that {@code spec} belongs to. */
  private static StowageCli root(CommandSpec spec) {
    return (StowageCli) spec.root().userObject();
  }

  /**
   * The plugins of a command: those on the class path, plus those of {@code --plugins-dir} when
   * given. Close them when the command is done with every plugin object.
   *
   * @throws ParameterException when the plugins directory is missing, unreadable or holds no jar
   */
  static Plugins plugins(CommandSpec spec) {
    return Plugins.load(root(spec).pluginsDirectory, spec.commandLine(), verbose);
  }

  /**
   * Whether this JVM's standard streams are a terminal. From JDK 22 on {@link System#console()}
   * also answers when output is redirected, and {@code Console.isTerminal()} tells the two apart;
   * on older JDKs a console exists only for a terminal.
   */
  private static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17-21: no isTerminal, and a console means a terminal
    }
  }

  /** Whether stdout is a terminal (progress bars) or not (progress lines). */
  static boolean terminal(CommandSpec spec) {
    return root(spec).terminal;
  }

  /** The usage error of a command group run without a subcommand. */
  static ParameterException missingSubcommand(CommandSpec spec) {
    return new ParameterException(
        spec.commandLine(),
        "missing command; use one of: "
            + String.join(
                ", ",
                spec.subcommands().values().stream()
                    .map(CommandLine::getCommandName)
                    .distinct()
                    .toList()));
  }

  private static <T> T converted(Callable<T> conversion) throws Exception {
    try {
      return conversion.call();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    // picocli checks required options before it reports unknown ones; the unknown flag is the
    // mistake to show (the missing option may be the one it misspells).
    List<String> unmatched = command.getUnmatchedArguments();
    ParameterException shown =
        e instanceof UnmatchedArgumentException || unmatched.isEmpty()
            ? e
            : new UnmatchedArgumentException(command, unmatched);
    err.println(
        "Error: "
            + oneLine(shown.getMessage())
            + " (see '"
            + command.getCommandSpec().qualifiedName()
            + " --help')");
    return ExitCodes.USAGE;
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("Error: " + oneLine(describe(e)));
    if (verbose) {
      e.printStackTrace(err);
    }
    return ExitCodes.FAILED;
  }

  private static String describe(Throwable e) {
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      return "I/O error: " + io.getCause().getMessage();
    }
    if ((e instanceof BackupException || e instanceof IllegalArgumentException)
        && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getMessage() == null
        ? e.toString()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
