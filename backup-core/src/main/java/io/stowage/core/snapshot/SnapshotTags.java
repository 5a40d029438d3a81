package io.stowage.core.snapshot;

import io.stowage.api.velero.v1.Backup;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags a native snapshot gets (facts §6.9 step 6): every label of the Backup, then {@value
 * #BACKUP_TAG} = the Backup's name and {@value #PV_TAG} = the PersistentVolume's name, which
 * override labels of the same keys.
 */
public final class SnapshotTags {
  public static final String BACKUP_TAG = "velero.io/backup";
  public static final String PV_TAG = "velero.io/pv";

  private SnapshotTags() {}

  /** An unmodifiable map sorted by key. */
  public static Map<String, String> of(Backup backup, String persistentVolumeName) {
    Map<String, String> tags = new TreeMap<>(backup.getMetadata().getLabels());
    tags.put(BACKUP_TAG, backup.getMetadata().getName());
    tags.put(PV_TAG, persistentVolumeName);
    return Collections.unmodifiableMap(tags);
  }
}
