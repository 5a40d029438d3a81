package io.stowage.api.velero.v1;

/** {@code status} of a Backup. SKELETON: completed by the model work. */
public class BackupStatus {}
