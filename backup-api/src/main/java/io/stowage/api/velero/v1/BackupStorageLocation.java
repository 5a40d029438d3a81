package io.stowage.api.velero.v1;

/**
 * A {@code velero.io/v1} BackupStorageLocation ({@code bsl}): where backups are stored (provider,
 * bucket, prefix, credentials) and whether that place is usable.
 *
 * <p>Mutable wire model, like {@link Backup}: {@code metadata}, {@code spec} and {@code status} are
 * never {@code null} and always written; {@code kind} and {@code apiVersion} default to {@code
 * BackupStorageLocation} and {@code velero.io/v1}; unknown fields are kept.
 */
public class BackupStorageLocation
    extends VeleroResource<BackupStorageLocationSpec, BackupStorageLocationStatus> {
  /** {@code "BackupStorageLocation"}. */
  public static final String KIND = "BackupStorageLocation";

  public BackupStorageLocation() {
    super(KIND, BackupStorageLocationSpec::new, BackupStorageLocationStatus::new);
  }
}
