package io.stowage.api.velero.v1;

/**
 * A {@code velero.io/v1} Backup: the Kubernetes object that asks for a backup and reports on it,
 * and also the content of {@code velero-backup.json} in the object store.
 *
 * <p>This is the wire model: mutable, with Velero's JSON names, field order ({@code kind}, {@code
 * apiVersion}, {@code metadata}, {@code spec}, {@code status}) and omission rules, and it keeps any
 * field it does not model (see {@link ExtensibleObject}). {@code metadata}, {@code spec} and {@code
 * status} are never {@code null} (a setter given {@code null} installs an empty one) and always
 * written; {@code kind} and {@code apiVersion} default to {@code Backup} and {@code velero.io/v1}.
 * Read and write it with {@link VeleroJson}.
 */
public class Backup extends VeleroResource<BackupSpec, BackupStatus> {
  /** {@code "Backup"}. */
  public static final String KIND = "Backup";

  /** {@code "velero.io/v1"}. */
  public static final String API_VERSION = VeleroResource.API_VERSION;

  public Backup() {
    super(KIND, BackupSpec::new, BackupStatus::new);
  }
}
