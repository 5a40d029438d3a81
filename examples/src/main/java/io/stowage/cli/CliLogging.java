package io.stowage.cli;

/**
 * Log levels of the CLI's slf4j-simple binding. {@code simplelogger.properties} sets WARN; system
 * properties override it, and take effect only when set before the first logger is created, which
 * is why {@code --verbose} acts while the command line is parsed.
 */
final class CliLogging {
  private CliLogging() {}

  /** Info for everything, debug for Stowage itself. */
  static void verbose() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.log.io.stowage", "debug");
  }
}
