package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One {@code pre} or {@code post} hook of a {@link BackupResourceHookSpec}. Exec is the only kind;
 * {@code exec} is always written, as {@code null} when unset (as Go does).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"exec"})
public class BackupResourceHook extends ExtensibleObject {
  private ExecHook exec;

  public BackupResourceHook() {}

  public BackupResourceHook(ExecHook exec) {
    this.exec = exec;
  }

  public ExecHook getExec() {
    return exec;
  }

  public void setExec(ExecHook exec) {
    this.exec = exec;
  }
}
