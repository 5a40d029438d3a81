package io.stowage.cli;

import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.BackupStatus;
import io.stowage.api.velero.v1.ObjectMeta;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * What the API server would do to a Backup on create, for a Backup that only ever exists in this
 * process: a fresh status and identity, a generated name for {@code generateName}, name checks.
 */
final class NewBackup {
  /** Kubernetes' RFC 1123 subdomain rule for object names. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_NAME_LENGTH = 253;

  /** The alphabet of Kubernetes' generated name suffixes (no vowels, no look-alikes). */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private NewBackup() {}

  /**
   * Drops what belonged to an object a server had seen (a manifest exported with {@code kubectl get
   * -o yaml}): status, uid, resourceVersion, generation, managed fields, deletion marks; the
   * creation time becomes now.
   */
  static void resetServerFields(Backup backup) {
    backup.setStatus(new BackupStatus());
    ObjectMeta metadata = backup.getMetadata();
    metadata.setUid(null);
    metadata.setResourceVersion(null);
    metadata.setGeneration(null);
    metadata.setManagedFields(null);
    metadata.setDeletionTimestamp(null);
    metadata.setDeletionGracePeriodSeconds(null);
    metadata.setCreationTimestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Gives the Backup a name from {@code generateName} when it has none, then checks it.
   *
   * @throws IllegalArgumentException when there is no name, or it is not a valid object name
   */
  static void assignName(Backup backup) {
    ObjectMeta metadata = backup.getMetadata();
    String name = metadata.getName();
    if ((name == null || name.isEmpty())
        && metadata.getGenerateName() != null
        && !metadata.getGenerateName().isEmpty()) {
      StringBuilder generated = new StringBuilder(metadata.getGenerateName());
      for (int i = 0; i < 5; i++) {
        generated.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
      }
      name = generated.toString();
      metadata.setName(name);
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "the backup needs a name: give NAME, or a manifest with metadata.name");
    }
    if (name.length() > MAX_NAME_LENGTH || !SUBDOMAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid backup name \""
              + name
              + "\": use at most 253 lowercase letters, digits, '-' and '.', starting and"
              + " ending with a letter or digit");
    }
  }
}
