package io.stowage.api;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception of Stowage. It carries a stable {@link ErrorCode}; its message is
 * written for the person who has to act and says what to do.
 */
public class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;

  public BackupException(ErrorCode errorCode, String message) {
    this(errorCode, message, null);
  }

  public BackupException(ErrorCode errorCode, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + errorCode.name() + "]: " + getMessage();
  }
}
