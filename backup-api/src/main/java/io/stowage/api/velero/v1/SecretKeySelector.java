package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A key of a Secret in the same namespace ({@code core/v1 SecretKeySelector}), used for location
 * credentials and CA certificates. {@code key} is required and always written ({@code ""} when
 * unset); {@code name} is {@code null} when unset; {@code optional} is {@code null} when unset
 * (meaning "required").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "key", "optional"})
public class SecretKeySelector extends ExtensibleObject {
  private String name;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String key = "";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean optional;

  public SecretKeySelector() {}

  public SecretKeySelector(String name, String key) {
    setName(name);
    setKey(key);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = Fields.orEmpty(key);
  }

  public Boolean getOptional() {
    return optional;
  }

  public void setOptional(Boolean optional) {
    this.optional = optional;
  }
}
