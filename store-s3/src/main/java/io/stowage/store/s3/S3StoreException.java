package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.ErrorCode;
import java.util.Optional;

/**
 * A failure of the S3 store. The message names the location (bucket, key, endpoint) and ends with a
 * hint of which setting or credential to check, introduced by {@value #HINT_MARKER}, so a caller
 * that only sees a {@link BackupException} (such as the store self-test in {@code backup-core}) can
 * still show the hint on its own line. Messages never contain secrets.
 */
public class S3StoreException extends BackupException {
  private static final long serialVersionUID = 1L;

  /** Separates the problem from the hint in {@link #getMessage()}. */
  public static final String HINT_MARKER = " Hint: ";

  private final String problem;
  private final String hint;

  public S3StoreException(ErrorCode code, String problem, String hint, Throwable cause) {
    super(code, hint == null || hint.isEmpty() ? problem : problem + HINT_MARKER + hint, cause);
    this.problem = problem;
    this.hint = hint == null || hint.isEmpty() ? null : hint;
  }

  /** What failed, with the location, without the hint. */
  public String problem() {
    return problem;
  }

  /** Which setting, credential or permission to check, when known. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
