package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code spec.objectStorage} of a BackupStorageLocation: the bucket and the prefix inside it where
 * Velero's layout starts, and optionally a CA bundle for TLS. {@code bucket} is required and always
 * written ({@code ""} when unset); {@code prefix} is {@code null} when unset. {@code caCert} holds
 * the PEM bytes (base64 in JSON; deprecated in Velero) and {@code caCertRef} points at a Secret key
 * instead; they are mutually exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"bucket", "prefix", "caCert", "caCertRef"})
public class ObjectStorageLocation extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String bucket = "";

  private String prefix;
  private byte[] caCert;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private SecretKeySelector caCertRef;

  public ObjectStorageLocation() {}

  public ObjectStorageLocation(String bucket, String prefix) {
    setBucket(bucket);
    setPrefix(prefix);
  }

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = Fields.orEmpty(bucket);
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  /** The CA bundle bytes, or {@code null}; the array is the model's own, not a copy. */
  public byte[] getCaCert() {
    return caCert;
  }

  public void setCaCert(byte[] caCert) {
    this.caCert = caCert;
  }

  public SecretKeySelector getCaCertRef() {
    return caCertRef;
  }

  public void setCaCertRef(SecretKeySelector caCertRef) {
    this.caCertRef = caCertRef;
  }
}
