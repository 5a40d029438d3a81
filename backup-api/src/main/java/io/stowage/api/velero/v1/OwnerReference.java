package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code metadata.ownerReferences}. {@code apiVersion}, {@code kind}, {@code name} and
 * {@code uid} are required by Kubernetes and always written ({@code ""} when unset); {@code
 * controller} and {@code blockOwnerDeletion} are written only when set. Velero gives backups of a
 * Schedule a controller reference to it when the Schedule asks for it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"})
public class OwnerReference extends ExtensibleObject {
  private String apiVersion = "";
  private String kind = "";
  private String name = "";
  private String uid = "";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean controller;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean blockOwnerDeletion;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = Fields.orEmpty(apiVersion);
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

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = Fields.orEmpty(uid);
  }

  public Boolean getController() {
    return controller;
  }

  public void setController(Boolean controller) {
    this.controller = controller;
  }

  public Boolean getBlockOwnerDeletion() {
    return blockOwnerDeletion;
  }

  public void setBlockOwnerDeletion(Boolean blockOwnerDeletion) {
    this.blockOwnerDeletion = blockOwnerDeletion;
  }
}
