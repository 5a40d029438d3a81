package io.stowage.core.snapshot;

import java.util.Collection;

/**
 * How the engine tells that a backup takes CSI snapshots: Velero gates its CSI actions behind the
 * {@code EnableCSI} feature flag, Stowage behind the presence of the CSI plugin's PVC action among
 * the backup's item actions (the {@code snapshot-csi} jar on the class path or in a plugins
 * directory).
 */
public final class CsiPlugin {
  /** The name of the CSI plugin's PVC action, {@value}. */
  public static final String PVC_ACTION = "velero.io/csi-pvc-backupper";

  private CsiPlugin() {}

  /** Whether a backup running these item actions (by name) takes CSI snapshots. */
  public static boolean enabled(Collection<String> actionNames) {
    return actionNames.contains(PVC_ACTION);
  }
}
