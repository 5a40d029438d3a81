package io.stowage.api;

/** Error codes of the API and the engine. */
public enum StandardErrorCode implements ErrorCode {
  /** The request or a setting is invalid; the message says what to change. */
  INVALID_ARGUMENT(1, ErrorCategory.USER),
  /** A named plugin, location or object does not exist. */
  NOT_FOUND(2, ErrorCategory.USER),
  /** Two plugin providers claim the same name. */
  DUPLICATE_PROVIDER(3, ErrorCategory.USER),
  /** A plugin provider could not be loaded or created. */
  PROVIDER_FAILED(4, ErrorCategory.EXTERNAL),
  /** An object store refused or failed an operation. */
  STORE_FAILED(5, ErrorCategory.EXTERNAL),
  /** An object the caller asked for is not in the store. */
  OBJECT_NOT_FOUND(6, ErrorCategory.USER),
  /** A backup of that name already exists; it is never overwritten. */
  ALREADY_EXISTS(7, ErrorCategory.USER),
  /** The Kubernetes API failed or refused a call. */
  CLUSTER_FAILED(8, ErrorCategory.EXTERNAL),
  /** An operation does not finish within its time limit. */
  TIMEOUT(9, ErrorCategory.RESOURCES),
  /** A defect: an invariant did not hold. */
  INTERNAL_ERROR(10, ErrorCategory.INTERNAL),
  /** The store does not offer an optional capability, such as signed URLs. */
  NOT_SUPPORTED(11, ErrorCategory.USER),
  /** A write lost an optimistic-concurrency race: the object changed since it was read. */
  CONFLICT(12, ErrorCategory.EXTERNAL);

  private final int code;
  private final ErrorCategory category;

  StandardErrorCode(int code, ErrorCategory category) {
    this.code = code;
    this.category = category;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public ErrorCategory category() {
    return category;
  }
}
