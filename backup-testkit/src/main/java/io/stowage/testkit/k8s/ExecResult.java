package io.stowage.testkit.k8s;

/**
 * What a simulated command in a container produced.
 *
 * @param stdout text sent on the exec stdout channel (never null; empty sends nothing)
 * @param stderr text sent on the exec stderr channel (never null; empty sends nothing)
 * @param exitCode the command's exit code; 0 is success, anything else is reported to the client as
 *     a {@code NonZeroExitCode} failure carrying this code
 */
public record ExecResult(String stdout, String stderr, int exitCode) {

  /** Replaces null output with the empty string. */
  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  /** A command that printed {@code stdout} and exited 0. */
  public static ExecResult success(String stdout) {
    return new ExecResult(stdout, "", 0);
  }

  /** A command that printed {@code stderr} and exited with {@code exitCode}. */
  public static ExecResult failure(int exitCode, String stderr) {
    return new ExecResult("", stderr, exitCode);
  }
}
