package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Base of every object in the velero.io/v1 model: keeps the JSON fields the model does not know.
 *
 * <p>A Backup written by a newer Velero (or edited by hand) may carry fields this version does not
 * model. They are collected here when the object is read, as raw JSON, and written back into the
 * same object when it is serialized, after the modelled fields. Nothing is lost on a read/modify/
 * write cycle, which matters because Stowage writes the object it read back to the cluster and to
 * the object store.
 */
public abstract class ExtensibleObject {
  private final Map<String, JsonNode> unknownFields = new LinkedHashMap<>();

  /** Package-private: only the classes of this package extend it. */
  ExtensibleObject() {}

  /**
   * The fields of this JSON object that the model does not know, in the order they were read. The
   * map is live and mutable; values are JSON trees (a JSON {@code null} is a {@code NullNode}). Do
   * not put a modelled field's name here: it would be written twice.
   */
  @JsonAnyGetter
  public Map<String, JsonNode> getUnknownFields() {
    return unknownFields;
  }

  /** Keeps one unknown field; called by Jackson for every field it cannot map. */
  @JsonAnySetter
  public void setUnknownField(String name, JsonNode value) {
    unknownFields.put(name, value);
  }
}
