package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.function.Supplier;

/**
 * The shape every {@code velero.io/v1} object of the model shares: {@code kind}, {@code
 * apiVersion}, {@code metadata}, {@code spec}, {@code status}, written in that order. {@code
 * metadata}, {@code spec} and {@code status} are never {@code null} (a setter given {@code null}
 * installs an empty one) and always written.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "spec", "status"})
public abstract class VeleroResource<S, T> extends ExtensibleObject {
  /** {@code "velero.io/v1"}. */
  public static final String API_VERSION = "velero.io/v1";

  private final String defaultKind;
  private final Supplier<S> newSpec;
  private final Supplier<T> newStatus;
  private String kind;
  private String apiVersion = API_VERSION;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private ObjectMeta metadata = new ObjectMeta();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private S spec;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private T status;

  VeleroResource(String kind, Supplier<S> newSpec, Supplier<T> newStatus) {
    this.defaultKind = kind;
    this.kind = kind;
    this.newSpec = newSpec;
    this.newStatus = newStatus;
    this.spec = newSpec.get();
    this.status = newStatus.get();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public ObjectMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata == null ? new ObjectMeta() : metadata;
  }

  public S getSpec() {
    return spec;
  }

  public void setSpec(S spec) {
    this.spec = spec == null ? newSpec.get() : spec;
  }

  public T getStatus() {
    return status;
  }

  public void setStatus(T status) {
    this.status = status == null ? newStatus.get() : status;
  }

  /** {@code <Kind> <namespace>/<name>}, for messages. */
  @Override
  public String toString() {
    return Fields.describe(defaultKind, metadata);
  }
}
