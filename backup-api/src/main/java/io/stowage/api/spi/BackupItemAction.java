package io.stowage.api.spi;

import io.stowage.api.BackupItem;
import io.stowage.api.ResourceSelector;

/**
 * Runs on every backed-up item its selector matches, before the item is written, as Velero's
 * BackupItemAction (v1). It may change the stored item and ask for additional items, which the
 * engine backs up first, once each, through the same path (filters, actions, snapshots).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #appliesTo()} is called once per backup, before any item.
 *   <li>{@link #execute} may be called from several threads at once for different items.
 *   <li>Throwing fails this item only: the error is logged against it, it is not written, and the
 *       backup ends PartiallyFailed.
 *   <li>Returning an item annotated {@code velero.io/skip-from-backup} drops the item.
 * </ul>
 */
public interface BackupItemAction {
  /** The items this action runs on. */
  ResourceSelector appliesTo();

  /** Runs on one item. */
  ActionResult execute(BackupItem item, ActionContext context);
}
