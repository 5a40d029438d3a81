package io.stowage.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Velero's {@code label.GetValidName}: label values derived from names, such as the {@code
 * velero.io/backup-name} label the engine and plugins put on objects of a backup.
 */
public final class LabelValues {
  private static final int MAX_LENGTH = 63;

  private LabelValues() {}

  /**
   * Names of at most 63 bytes unchanged; longer ones cut to 57 bytes plus the first 6 hex
   * characters of the SHA-256 of the whole name.
   */
  public static String validName(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_LENGTH) {
      return name;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String hex = HexFormat.of().formatHex(digest);
      return new String(bytes, 0, 57, StandardCharsets.UTF_8) + hex.substring(0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
