package io.stowage.testkit.snapshot;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One snapshot a {@link RecordingVolumeSnapshotter} took, with everything it was given.
 *
 * @param snapshotId the id it returned, unique within its ledger
 * @param volumeId the volume snapshotted
 * @param availabilityZone the zone the engine passed ({@code ""} when unknown)
 * @param tags the tags the engine passed
 * @param volumeType the type {@code volumeInfo} reported for the volume
 * @param iops the IOPS {@code volumeInfo} reported, or {@code null}
 */
public record TakenSnapshot(
    String snapshotId,
    String volumeId,
    String availabilityZone,
    Map<String, String> tags,
    String volumeType,
    Long iops) {
  public TakenSnapshot {
    requireNonNull(snapshotId, "snapshotId is null");
    requireNonNull(volumeId, "volumeId is null");
    requireNonNull(availabilityZone, "availabilityZone is null");
    tags = Map.copyOf(tags);
    requireNonNull(volumeType, "volumeType is null");
  }
}
