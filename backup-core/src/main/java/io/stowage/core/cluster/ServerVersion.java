package io.stowage.core.cluster;

/**
 * The API server's version, for the Backup's source-cluster annotations.
 *
 * @param gitVersion such as {@code v1.32.0}
 * @param major such as {@code 1}
 * @param minor such as {@code 32}, possibly with a {@code +} suffix
 */
public record ServerVersion(String gitVersion, String major, String minor) {
  public ServerVersion {
    gitVersion = gitVersion == null ? "" : gitVersion;
    major = major == null ? "" : major;
    minor = minor == null ? "" : minor;
  }
}
