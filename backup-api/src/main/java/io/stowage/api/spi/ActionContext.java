package io.stowage.api.spi;

import io.stowage.api.BackupLog;
import io.stowage.api.velero.v1.Backup;

/**
 * What a {@link BackupItemAction} can see of the backup it runs in. More may be added over time, so
 * plugins receive it as an interface and never implement it.
 */
public interface ActionContext {
  /** The Backup being run; read only. */
  Backup backup();

  /** The backup's log; warnings and errors written here count in the backup's status. */
  BackupLog log();
}
