package io.stowage.api.spi;

/**
 * The type and provisioned IOPS of a volume, as a {@link VolumeSnapshotter} reports them.
 *
 * @param volumeType provider-specific type, such as {@code gp3}; may be {@code ""}
 * @param iops provisioned IOPS, or {@code null} when the volume type has none
 */
public record VolumeInfo(String volumeType, Long iops) {
  public VolumeInfo {
    volumeType = volumeType == null ? "" : volumeType;
  }
}
