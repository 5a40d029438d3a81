package io.stowage.api.spi;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupItem;
import io.stowage.api.ResourceIdentifier;
import java.util.List;

/**
 * What a {@link BackupItemAction} returns.
 *
 * @param item the item to store, changed or not
 * @param additionalItems objects to back up before this item, such as a Pod's PVCs
 */
public record ActionResult(BackupItem item, List<ResourceIdentifier> additionalItems) {
  public ActionResult {
    requireNonNull(item, "item is null");
    additionalItems = additionalItems == null ? List.of() : List.copyOf(additionalItems);
  }

  /** The item unchanged and nothing more. */
  public static ActionResult unchanged(BackupItem item) {
    return new ActionResult(item, List.of());
  }
}
