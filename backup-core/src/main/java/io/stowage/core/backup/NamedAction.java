package io.stowage.core.backup;

import static java.util.Objects.requireNonNull;

import io.stowage.api.spi.BackupItemAction;

/**
 * An item action with the name its provider registered, for logs and errors.
 *
 * @param name the provider's name, such as {@code velero.io/pod}
 * @param action the action
 */
public record NamedAction(String name, BackupItemAction action) {
  public NamedAction {
    requireNonNull(name, "name is null");
    requireNonNull(action, "action is null");
  }
}
