package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec.hooks} of a Backup: hooks run in pods while they are backed up. Always written, as
 * {@code {}} when there are none. {@code resources} is never {@code null}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resources"})
public class BackupHooks extends ExtensibleObject {
  private List<BackupResourceHookSpec> resources = new ArrayList<>();

  public List<BackupResourceHookSpec> getResources() {
    return resources;
  }

  public void setResources(List<BackupResourceHookSpec> resources) {
    this.resources = Fields.copyOf(resources);
  }
}
