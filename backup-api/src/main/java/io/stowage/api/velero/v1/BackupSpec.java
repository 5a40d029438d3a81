package io.stowage.api.velero.v1;

/** {@code spec} of a Backup. SKELETON: completed by the model work. */
public class BackupSpec {}
