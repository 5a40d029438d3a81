package io.stowage.cli;

import io.stowage.core.prepare.BackupPreparer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of this build (from {@code stowage-version.properties}, filled in by Maven) and the
 * Velero backup format version it writes.
 */
final class StowageVersion implements IVersionProvider {
  private static final String RESOURCE = "/stowage-version.properties";

  /** The Stowage version, such as {@code 0.1.0}; {@code unknown} outside a Maven build. */
  static String stowage() {
    try (InputStream in = StowageVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** {@code status.formatVersion} of the backups this build writes. */
  static String backupFormat() {
    return BackupPreparer.FORMAT_VERSION;
  }

  /** The lines {@code stowage version} and {@code --version} print. */
  static String[] lines() {
    return new String[] {
      "Stowage: " + stowage(), "Velero backup format version: " + backupFormat()
    };
  }

  @Override
  public String[] getVersion() {
    return lines();
  }
}
