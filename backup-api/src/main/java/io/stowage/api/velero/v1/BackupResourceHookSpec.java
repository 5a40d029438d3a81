package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code spec.hooks.resources}: which pods (namespaces, resources, label selector) get
 * which {@code pre} and {@code post} hooks. Empty include lists mean all. {@code name} is required
 * and always written ({@code ""} when unset); the lists are never {@code null}; {@code
 * labelSelector} is {@code null} when unset.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "includedNamespaces",
  "excludedNamespaces",
  "includedResources",
  "excludedResources",
  "labelSelector",
  "pre",
  "post"
})
public class BackupResourceHookSpec extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String name = "";

  private List<String> includedNamespaces = new ArrayList<>();
  private List<String> excludedNamespaces = new ArrayList<>();
  private List<String> includedResources = new ArrayList<>();
  private List<String> excludedResources = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private LabelSelector labelSelector;

  private List<BackupResourceHook> pre = new ArrayList<>();
  private List<BackupResourceHook> post = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = Fields.orEmpty(name);
  }

  public List<String> getIncludedNamespaces() {
    return includedNamespaces;
  }

  public void setIncludedNamespaces(List<String> includedNamespaces) {
    this.includedNamespaces = Fields.copyOf(includedNamespaces);
  }

  public List<String> getExcludedNamespaces() {
    return excludedNamespaces;
  }

  public void setExcludedNamespaces(List<String> excludedNamespaces) {
    this.excludedNamespaces = Fields.copyOf(excludedNamespaces);
  }

  public List<String> getIncludedResources() {
    return includedResources;
  }

  public void setIncludedResources(List<String> includedResources) {
    this.includedResources = Fields.copyOf(includedResources);
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = Fields.copyOf(excludedResources);
  }

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  /** Hooks run before the pod is backed up (JSON {@code pre}). */
  public List<BackupResourceHook> getPre() {
    return pre;
  }

  public void setPre(List<BackupResourceHook> pre) {
    this.pre = Fields.copyOf(pre);
  }

  /** Hooks run after the pod and its additional items are backed up (JSON {@code post}). */
  public List<BackupResourceHook> getPost() {
    return post;
  }

  public void setPost(List<BackupResourceHook> post) {
    this.post = Fields.copyOf(post);
  }
}
