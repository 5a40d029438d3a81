package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code matchExpressions} entry of a {@link LabelSelector}: {@code key}, {@code operator}
 * ({@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}, kept as a string) and {@code
 * values}. {@code key} and {@code operator} are required and always written ({@code ""} when
 * unset); {@code values} is never {@code null} and omitted when empty.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"key", "operator", "values"})
public class LabelSelectorRequirement extends ExtensibleObject {
  private String key = "";
  private String operator = "";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> values = new ArrayList<>();

  public LabelSelectorRequirement() {}

  public LabelSelectorRequirement(String key, String operator, List<String> values) {
    setKey(key);
    setOperator(operator);
    setValues(values);
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = Fields.orEmpty(key);
  }

  public String getOperator() {
    return operator;
  }

  public void setOperator(String operator) {
    this.operator = Fields.orEmpty(operator);
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = Fields.copyOf(values);
  }
}
