package io.stowage.core.cluster;

/**
 * What a command run in a container printed and how it ended.
 *
 * @param stdout standard output
 * @param stderr standard error
 * @param exitCode the exit code, 0 on success
 */
public record ExecResult(String stdout, String stderr, int exitCode) {
  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }
}
