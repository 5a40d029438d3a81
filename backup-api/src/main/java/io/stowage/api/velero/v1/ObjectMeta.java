package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kubernetes {@code metadata}; fields not modelled here are kept as they came. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ObjectMeta {
  private String name;
  private String namespace;
  private Map<String, String> labels = new LinkedHashMap<>();
  private Map<String, String> annotations = new LinkedHashMap<>();
  private final Map<String, Object> unknownFields = new LinkedHashMap<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(labels);
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations =
        annotations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(annotations);
  }

  @JsonAnyGetter
  public Map<String, Object> getUnknownFields() {
    return unknownFields;
  }

  @JsonAnySetter
  public void setUnknownField(String key, Object value) {
    unknownFields.put(key, value);
  }
}
