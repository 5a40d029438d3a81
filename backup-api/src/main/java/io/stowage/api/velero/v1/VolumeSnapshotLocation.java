package io.stowage.api.velero.v1;

/**
 * A {@code velero.io/v1} VolumeSnapshotLocation ({@code vsl}): a volume snapshotter plugin
 * (provider) with its settings, where native PV snapshots are taken.
 *
 * <p>Mutable wire model, like {@link Backup}: {@code metadata}, {@code spec} and {@code status} are
 * never {@code null} and always written; {@code kind} and {@code apiVersion} default to {@code
 * VolumeSnapshotLocation} and {@code velero.io/v1}; unknown fields are kept.
 */
public class VolumeSnapshotLocation
    extends VeleroResource<VolumeSnapshotLocationSpec, VolumeSnapshotLocationStatus> {
  /** {@code "VolumeSnapshotLocation"}. */
  public static final String KIND = "VolumeSnapshotLocation";

  public VolumeSnapshotLocation() {
    super(KIND, VolumeSnapshotLocationSpec::new, VolumeSnapshotLocationStatus::new);
  }
}
