package io.stowage.k8s.bench;

import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link EmbeddedKubernetes}'s {@code main} in a JVM of its own, as a real API server would be:
 * same class path as the benchmark, seeded directly, killed at the end.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final String url;
  private final long startNanos;
  private final Path log;

  private ServerProcess(Process process, String url, long startNanos, Path log) {
    this.process = process;
    this.url = url;
    this.startNanos = startNanos;
    this.log = log;
  }

  /** Starts the server and waits until it prints its URL (after seeding). */
  static ServerProcess start(BenchOptions options, Path kubeconfig, Path log) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        List.of(
            java,
            "-Xmx" + options.serverHeap(),
            "-cp",
            System.getProperty("java.class.path"),
            EmbeddedKubernetes.class.getName(),
            "--kubeconfig",
            kubeconfig.toString(),
            "--configmaps",
            Integer.toString(options.configMaps()),
            "--namespaces",
            Integer.toString(options.namespaces()),
            "--payload-bytes",
            Integer.toString(options.payloadBytes()));
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-server"));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url = stdout.readLine();
    if (url == null) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the server ended without printing its URL; its log:\n" + Files.readString(log));
    }
    return new ServerProcess(process, url.trim(), System.nanoTime() - started, log);
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** From starting the process to its URL: JVM start, server start, seeding. */
  long startNanos() {
    return startNanos;
  }

  Path log() {
    return log;
  }

  /** The server JVM's resident set in KiB, read from /proc, or -1. */
  long residentKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * CPU time the server JVM has used so far (user + system, from /proc at 100 ticks a second), or
   * -1.
   */
  long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is the state (field 3 of stat): utime and stime are fields 14 and 15.
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
