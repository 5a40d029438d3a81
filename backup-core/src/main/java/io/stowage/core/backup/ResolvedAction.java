package io.stowage.core.backup;

import io.stowage.api.spi.BackupItemAction;
import io.stowage.core.filter.ActionSelector;

/** An action with its selector resolved against this backup's discovery. */
record ResolvedAction(String name, BackupItemAction action, ActionSelector selector) {}
