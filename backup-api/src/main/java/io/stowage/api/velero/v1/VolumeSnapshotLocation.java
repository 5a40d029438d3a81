package io.stowage.api.velero.v1;

/** A {@code velero.io/v1} VolumeSnapshotLocation. SKELETON: completed by the model work. */
public class VolumeSnapshotLocation {}
