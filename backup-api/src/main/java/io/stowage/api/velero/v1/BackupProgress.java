package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code status.progress} of a Backup: items found and items backed up so far. Best effort; zero
 * counts are not written, so a fresh progress is {@code {}}.
 */
@JsonPropertyOrder({"totalItems", "itemsBackedUp"})
public class BackupProgress extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int totalItems;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int itemsBackedUp;

  public BackupProgress() {}

  public BackupProgress(int totalItems, int itemsBackedUp) {
    this.totalItems = totalItems;
    this.itemsBackedUp = itemsBackedUp;
  }

  public int getTotalItems() {
    return totalItems;
  }

  public void setTotalItems(int totalItems) {
    this.totalItems = totalItems;
  }

  public int getItemsBackedUp() {
    return itemsBackedUp;
  }

  public void setItemsBackedUp(int itemsBackedUp) {
    this.itemsBackedUp = itemsBackedUp;
  }
}
