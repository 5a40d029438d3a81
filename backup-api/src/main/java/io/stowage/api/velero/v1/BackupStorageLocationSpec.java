package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code spec} of a BackupStorageLocation.
 *
 * <ul>
 *   <li>{@code provider}: the object-store plugin, for example {@code velero.io/aws}; required,
 *       always written ({@code ""} when unset).
 *   <li>{@code config}: provider settings; never {@code null}.
 *   <li>{@code credential}: the Secret key holding the credentials, or {@code null}.
 *   <li>{@code objectStorage}: bucket and prefix; always written, as {@code null} when unset (as Go
 *       does).
 *   <li>{@code default}: {@code false} is not written.
 *   <li>{@code accessMode}: {@code null} when unset, which Velero treats as ReadWrite.
 *   <li>{@code backupSyncPeriod} and {@code validationFrequency}: {@code null} when unset (server
 *       default); a zero duration is written and disables sync or validation.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "provider",
  "config",
  "credential",
  "objectStorage",
  "default",
  "accessMode",
  "backupSyncPeriod",
  "validationFrequency"
})
public class BackupStorageLocationSpec extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String provider = "";

  private Map<String, String> config = new LinkedHashMap<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private SecretKeySelector credential;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private ObjectStorageLocation objectStorage;

  private boolean isDefault;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private BackupStorageLocationAccessMode accessMode;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private GoDuration backupSyncPeriod;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private GoDuration validationFrequency;

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = Fields.orEmpty(provider);
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = Fields.copyOf(config);
  }

  public SecretKeySelector getCredential() {
    return credential;
  }

  public void setCredential(SecretKeySelector credential) {
    this.credential = credential;
  }

  public ObjectStorageLocation getObjectStorage() {
    return objectStorage;
  }

  public void setObjectStorage(ObjectStorageLocation objectStorage) {
    this.objectStorage = objectStorage;
  }

  /** JSON {@code default}: this is the location used when a Backup names none. */
  @JsonProperty("default")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isDefault() {
    return isDefault;
  }

  @JsonProperty("default")
  public void setDefault(boolean isDefault) {
    this.isDefault = isDefault;
  }

  public BackupStorageLocationAccessMode getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(BackupStorageLocationAccessMode accessMode) {
    this.accessMode = accessMode;
  }

  public GoDuration getBackupSyncPeriod() {
    return backupSyncPeriod;
  }

  public void setBackupSyncPeriod(GoDuration backupSyncPeriod) {
    this.backupSyncPeriod = backupSyncPeriod;
  }

  public GoDuration getValidationFrequency() {
    return validationFrequency;
  }

  public void setValidationFrequency(GoDuration validationFrequency) {
    this.validationFrequency = validationFrequency;
  }
}
