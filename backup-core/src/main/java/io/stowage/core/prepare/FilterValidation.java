package io.stowage.core.prepare;

import io.stowage.api.velero.v1.BackupSpec;
import java.util.List;

/** Checks a Backup's include/exclude lists and label selectors; returns Velero's messages. */
@FunctionalInterface
public interface FilterValidation {
  List<String> validate(BackupSpec spec);
}
