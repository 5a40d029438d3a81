package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A reference to an object in the same namespace ({@code core/v1 TypedLocalObjectReference}), used
 * by {@code spec.resourcePolicy}. As in Go, all three fields are always written: {@code apiGroup}
 * as {@code null} when unset (the core group), {@code kind} and {@code name} as {@code ""}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"apiGroup", "kind", "name"})
public class TypedLocalObjectReference extends ExtensibleObject {
  private String apiGroup;
  private String kind = "";
  private String name = "";

  public TypedLocalObjectReference() {}

  public TypedLocalObjectReference(String apiGroup, String kind, String name) {
    setApiGroup(apiGroup);
    setKind(kind);
    setName(name);
  }

  public String getApiGroup() {
    return apiGroup;
  }

  public void setApiGroup(String apiGroup) {
    this.apiGroup = apiGroup;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = Fields.orEmpty(kind);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = Fields.orEmpty(name);
  }
}
