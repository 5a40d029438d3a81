package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec} of a Backup: what to back up and how, with Velero's JSON names and field order.
 *
 * <p>Nullability follows the Go types. Lists and maps are never {@code null}; empty means unset and
 * is not written. Strings are {@code null} when unset. The {@code *bool} fields are {@link Boolean}
 * and {@code null} when unset, which is not the same as {@code false}: {@code snapshotVolumes ==
 * null} means "yes", {@code includeClusterResources == null} means "decide from the namespace
 * filter", and {@code defaultVolumesToFsBackup} / {@code snapshotMoveData} take the server default.
 * {@code metadata}, {@code hooks} and the durations are never {@code null} and always written (a Go
 * struct is never omitted), so {@code ttl}, {@code csiSnapshotTimeout} and {@code
 * itemOperationTimeout} appear as {@code "0s"} when unset; zero means "use the server default"
 * (720h, 10m and 4h). Pointer fields ({@code labelSelector}, {@code resourcePolicy}, {@code
 * uploaderConfig}) are {@code null} when unset and then not written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "metadata",
  "includedNamespaces",
  "excludedNamespaces",
  "includedResources",
  "excludedResources",
  "includedClusterScopedResources",
  "excludedClusterScopedResources",
  "includedNamespaceScopedResources",
  "excludedNamespaceScopedResources",
  "labelSelector",
  "orLabelSelectors",
  "snapshotVolumes",
  "ttl",
  "volumeGroupSnapshotLabelKey",
  "includeClusterResources",
  "hooks",
  "storageLocation",
  "volumeSnapshotLocations",
  "defaultVolumesToRestic",
  "defaultVolumesToFsBackup",
  "orderedResources",
  "csiSnapshotTimeout",
  "itemOperationTimeout",
  "resourcePolicy",
  "snapshotMoveData",
  "datamover",
  "uploaderConfig"
})
public class BackupSpec extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupSpecMetadata metadata = new BackupSpecMetadata();

  private List<String> includedNamespaces = new ArrayList<>();
  private List<String> excludedNamespaces = new ArrayList<>();
  private List<String> includedResources = new ArrayList<>();
  private List<String> excludedResources = new ArrayList<>();
  private List<String> includedClusterScopedResources = new ArrayList<>();
  private List<String> excludedClusterScopedResources = new ArrayList<>();
  private List<String> includedNamespaceScopedResources = new ArrayList<>();
  private List<String> excludedNamespaceScopedResources = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private LabelSelector labelSelector;

  private List<LabelSelector> orLabelSelectors = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean snapshotVolumes;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private GoDuration ttl = GoDuration.ZERO;

  private String volumeGroupSnapshotLabelKey;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean includeClusterResources;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private BackupHooks hooks = new BackupHooks();

  private String storageLocation;
  private List<String> volumeSnapshotLocations = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean defaultVolumesToRestic;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean defaultVolumesToFsBackup;

  private Map<String, String> orderedResources = new LinkedHashMap<>();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private GoDuration csiSnapshotTimeout = GoDuration.ZERO;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private GoDuration itemOperationTimeout = GoDuration.ZERO;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private TypedLocalObjectReference resourcePolicy;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean snapshotMoveData;

  @JsonProperty("datamover")
  private String dataMover;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private UploaderConfig uploaderConfig;

  /** {@code spec.metadata}; never {@code null}. */
  public BackupSpecMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(BackupSpecMetadata metadata) {
    this.metadata = metadata == null ? new BackupSpecMetadata() : metadata;
  }

  /** Namespaces to back up (globs); empty means all. */
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

  /** Old-style resource filter; may not be combined with the scoped filters. */
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

  /** New-style filter; {@code "*"} means all cluster-scoped types. */
  public List<String> getIncludedClusterScopedResources() {
    return includedClusterScopedResources;
  }

  public void setIncludedClusterScopedResources(List<String> includedClusterScopedResources) {
    this.includedClusterScopedResources = Fields.copyOf(includedClusterScopedResources);
  }

  public List<String> getExcludedClusterScopedResources() {
    return excludedClusterScopedResources;
  }

  public void setExcludedClusterScopedResources(List<String> excludedClusterScopedResources) {
    this.excludedClusterScopedResources = Fields.copyOf(excludedClusterScopedResources);
  }

  /** New-style filter; empty means all namespace-scoped types. */
  public List<String> getIncludedNamespaceScopedResources() {
    return includedNamespaceScopedResources;
  }

  public void setIncludedNamespaceScopedResources(List<String> includedNamespaceScopedResources) {
    this.includedNamespaceScopedResources = Fields.copyOf(includedNamespaceScopedResources);
  }

  public List<String> getExcludedNamespaceScopedResources() {
    return excludedNamespaceScopedResources;
  }

  public void setExcludedNamespaceScopedResources(List<String> excludedNamespaceScopedResources) {
    this.excludedNamespaceScopedResources = Fields.copyOf(excludedNamespaceScopedResources);
  }

  /** {@code null} when unset (no label filter). */
  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  /** Selectors OR'ed together; may not be combined with {@link #getLabelSelector()}. */
  public List<LabelSelector> getOrLabelSelectors() {
    return orLabelSelectors;
  }

  public void setOrLabelSelectors(List<LabelSelector> orLabelSelectors) {
    this.orLabelSelectors = Fields.copyOf(orLabelSelectors);
  }

  /** {@code null} (unset) is treated like {@code true}. */
  public Boolean getSnapshotVolumes() {
    return snapshotVolumes;
  }

  public void setSnapshotVolumes(Boolean snapshotVolumes) {
    this.snapshotVolumes = snapshotVolumes;
  }

  /** Never {@code null}; zero means the server default (720h). */
  public GoDuration getTtl() {
    return ttl;
  }

  public void setTtl(GoDuration ttl) {
    this.ttl = ttl == null ? GoDuration.ZERO : ttl;
  }

  public String getVolumeGroupSnapshotLabelKey() {
    return volumeGroupSnapshotLabelKey;
  }

  public void setVolumeGroupSnapshotLabelKey(String volumeGroupSnapshotLabelKey) {
    this.volumeGroupSnapshotLabelKey = volumeGroupSnapshotLabelKey;
  }

  /** Old-style filter: {@code null}, {@code true} or {@code false} are three different rules. */
  public Boolean getIncludeClusterResources() {
    return includeClusterResources;
  }

  public void setIncludeClusterResources(Boolean includeClusterResources) {
    this.includeClusterResources = includeClusterResources;
  }

  /** Never {@code null}. */
  public BackupHooks getHooks() {
    return hooks;
  }

  public void setHooks(BackupHooks hooks) {
    this.hooks = hooks == null ? new BackupHooks() : hooks;
  }

  /** Name of the BackupStorageLocation; {@code null} until defaulted. */
  public String getStorageLocation() {
    return storageLocation;
  }

  public void setStorageLocation(String storageLocation) {
    this.storageLocation = storageLocation;
  }

  public List<String> getVolumeSnapshotLocations() {
    return volumeSnapshotLocations;
  }

  public void setVolumeSnapshotLocations(List<String> volumeSnapshotLocations) {
    this.volumeSnapshotLocations = Fields.copyOf(volumeSnapshotLocations);
  }

  /** Deprecated in Velero; when {@code true} it is copied to {@code defaultVolumesToFsBackup}. */
  public Boolean getDefaultVolumesToRestic() {
    return defaultVolumesToRestic;
  }

  public void setDefaultVolumesToRestic(Boolean defaultVolumesToRestic) {
    this.defaultVolumesToRestic = defaultVolumesToRestic;
  }

  /** {@code null} takes the server default. */
  public Boolean getDefaultVolumesToFsBackup() {
    return defaultVolumesToFsBackup;
  }

  public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
    this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
  }

  /**
   * Plural resource name to a comma-separated list of {@code namespace/name} (or {@code name} for
   * cluster-scoped objects) to back up first, in that order.
   */
  public Map<String, String> getOrderedResources() {
    return orderedResources;
  }

  public void setOrderedResources(Map<String, String> orderedResources) {
    this.orderedResources = Fields.copyOf(orderedResources);
  }

  /** Never {@code null}; zero means the server default (10m). */
  public GoDuration getCsiSnapshotTimeout() {
    return csiSnapshotTimeout;
  }

  public void setCsiSnapshotTimeout(GoDuration csiSnapshotTimeout) {
    this.csiSnapshotTimeout = csiSnapshotTimeout == null ? GoDuration.ZERO : csiSnapshotTimeout;
  }

  /** Never {@code null}; zero means the server default (4h). */
  public GoDuration getItemOperationTimeout() {
    return itemOperationTimeout;
  }

  public void setItemOperationTimeout(GoDuration itemOperationTimeout) {
    this.itemOperationTimeout =
        itemOperationTimeout == null ? GoDuration.ZERO : itemOperationTimeout;
  }

  /** The resource-policy ConfigMap; only kind {@code configmap} is honoured. */
  public TypedLocalObjectReference getResourcePolicy() {
    return resourcePolicy;
  }

  public void setResourcePolicy(TypedLocalObjectReference resourcePolicy) {
    this.resourcePolicy = resourcePolicy;
  }

  /** {@code null} takes the server default ({@code false}). */
  public Boolean getSnapshotMoveData() {
    return snapshotMoveData;
  }

  public void setSnapshotMoveData(Boolean snapshotMoveData) {
    this.snapshotMoveData = snapshotMoveData;
  }

  /**
   * JSON {@code datamover}; {@code null}, {@code ""} or {@code "velero"} select the built-in one.
   */
  public String getDataMover() {
    return dataMover;
  }

  public void setDataMover(String dataMover) {
    this.dataMover = dataMover;
  }

  public UploaderConfig getUploaderConfig() {
    return uploaderConfig;
  }

  public void setUploaderConfig(UploaderConfig uploaderConfig) {
    this.uploaderConfig = uploaderConfig;
  }
}
