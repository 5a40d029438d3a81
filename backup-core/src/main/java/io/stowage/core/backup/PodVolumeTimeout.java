package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.GoDuration;

/**
 * How long a backup's pod volume backups may take (facts §6.1 step 5): the Backup annotation
 * {@value #ANNOTATION} as a Go duration, else the server's fs-backup timeout.
 */
final class PodVolumeTimeout {
  static final String ANNOTATION = "velero.io/pod-volume-timeout";

  private PodVolumeTimeout() {}

  /**
   * The effective timeout, logged at info. An empty annotation counts as absent, as in Velero. An
   * unparsable one is logged as a warning naming the annotation, its value and the default used.
   * (Velero logs that line at error level, which makes the backup PartiallyFailed; Stowage warns
   * instead, since the default applies and nothing is lost.)
   */
  static GoDuration resolve(Backup backup, GoDuration serverDefault, BackupLog log) {
    String value = backup.getMetadata().getAnnotations().get(ANNOTATION);
    GoDuration timeout = serverDefault;
    if (value != null && !value.isEmpty()) {
      try {
        timeout = GoDuration.parse(value);
      } catch (IllegalArgumentException e) {
        log.warn(
            "Unable to parse pod volume timeout annotation "
                + ANNOTATION
                + " value \""
                + value
                + "\" ("
                + e.getMessage()
                + "), using server value "
                + serverDefault);
      }
    }
    log.info("Pod volume timeout: " + timeout);
    return timeout;
  }
}
