package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code spec.metadata} of a Backup (Velero's {@code Metadata}): labels that Schedules copy onto
 * the backups they create. Always written, as {@code {}} when empty. {@code labels} is never {@code
 * null}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"labels"})
public class BackupSpecMetadata extends ExtensibleObject {
  private Map<String, String> labels = new LinkedHashMap<>();

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = Fields.copyOf(labels);
  }
}
