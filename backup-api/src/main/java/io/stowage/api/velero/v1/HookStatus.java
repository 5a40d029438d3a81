package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code status.hookStatus} of a Backup: hooks run and hooks failed. Zero counts are not written.
 */
@JsonPropertyOrder({"hooksAttempted", "hooksFailed"})
public class HookStatus extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int hooksAttempted;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int hooksFailed;

  public HookStatus() {}

  public HookStatus(int hooksAttempted, int hooksFailed) {
    this.hooksAttempted = hooksAttempted;
    this.hooksFailed = hooksFailed;
  }

  public int getHooksAttempted() {
    return hooksAttempted;
  }

  public void setHooksAttempted(int hooksAttempted) {
    this.hooksAttempted = hooksAttempted;
  }

  public int getHooksFailed() {
    return hooksFailed;
  }

  public void setHooksFailed(int hooksFailed) {
    this.hooksFailed = hooksFailed;
  }
}
