package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code spec} of a VolumeSnapshotLocation: {@code provider} (the volume snapshotter plugin;
 * required, always written, {@code ""} when unset), {@code config} (handed to the plugin's {@code
 * init}; never {@code null}) and {@code credential} ({@code null} when unset).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"provider", "config", "credential"})
public class VolumeSnapshotLocationSpec extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String provider = "";

  private Map<String, String> config = new LinkedHashMap<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private SecretKeySelector credential;

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
}
