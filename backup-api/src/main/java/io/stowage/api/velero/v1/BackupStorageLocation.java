package io.stowage.api.velero.v1;

/** A {@code velero.io/v1} BackupStorageLocation. SKELETON: completed by the model work. */
public class BackupStorageLocation {}
