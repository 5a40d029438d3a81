package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Kubernetes {@code metadata} ({@code metav1.ObjectMeta}) of a velero.io/v1 object.
 *
 * <p>Strings are {@code null} when unset (an empty string is written as absent, as Go's {@code
 * omitempty} does); maps and lists are never {@code null}, empty means unset. {@code managedFields}
 * is kept as raw JSON because nothing in Stowage interprets it. Fields not modelled here ({@code
 * selfLink} and anything newer) are kept as they came (see {@link ExtensibleObject}).
 *
 * <p>One difference from Go: an unset {@code creationTimestamp} is omitted, where Go writes {@code
 * "creationTimestamp": null}; both read back the same.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "generateName",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields"
})
public class ObjectMeta extends ExtensibleObject {
  private String name;
  private String generateName;
  private String namespace;
  private String uid;
  private String resourceVersion;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private Long generation;

  @RfcTime private Instant creationTimestamp;
  @RfcTime private Instant deletionTimestamp;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Long deletionGracePeriodSeconds;

  private Map<String, String> labels = new LinkedHashMap<>();
  private Map<String, String> annotations = new LinkedHashMap<>();
  private List<OwnerReference> ownerReferences = new ArrayList<>();
  private List<String> finalizers = new ArrayList<>();
  private JsonNode managedFields;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGenerateName() {
    return generateName;
  }

  public void setGenerateName(String generateName) {
    this.generateName = generateName;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public String getResourceVersion() {
    return resourceVersion;
  }

  public void setResourceVersion(String resourceVersion) {
    this.resourceVersion = resourceVersion;
  }

  /** {@code null} when unset; 0 is not written either (Go's {@code int64} with omitempty). */
  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public Instant getCreationTimestamp() {
    return creationTimestamp;
  }

  public void setCreationTimestamp(Instant creationTimestamp) {
    this.creationTimestamp = creationTimestamp;
  }

  public Instant getDeletionTimestamp() {
    return deletionTimestamp;
  }

  public void setDeletionTimestamp(Instant deletionTimestamp) {
    this.deletionTimestamp = deletionTimestamp;
  }

  /** {@code null} when unset; 0 is written (Go's {@code *int64}). */
  public Long getDeletionGracePeriodSeconds() {
    return deletionGracePeriodSeconds;
  }

  public void setDeletionGracePeriodSeconds(Long deletionGracePeriodSeconds) {
    this.deletionGracePeriodSeconds = deletionGracePeriodSeconds;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = Fields.copyOf(labels);
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = Fields.copyOf(annotations);
  }

  public List<OwnerReference> getOwnerReferences() {
    return ownerReferences;
  }

  public void setOwnerReferences(List<OwnerReference> ownerReferences) {
    this.ownerReferences = Fields.copyOf(ownerReferences);
  }

  public List<String> getFinalizers() {
    return finalizers;
  }

  public void setFinalizers(List<String> finalizers) {
    this.finalizers = Fields.copyOf(finalizers);
  }

  /** {@code managedFields} as raw JSON, or {@code null}; Stowage does not interpret it. */
  public JsonNode getManagedFields() {
    return managedFields;
  }

  public void setManagedFields(JsonNode managedFields) {
    this.managedFields = managedFields;
  }
}
