package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Something that went wrong while the {@link PluginRegistry} loaded providers: a provider that
 * could not be loaded or was refused, or a name claimed by several providers. Immutable.
 *
 * <p>Error codes: {@link io.stowage.api.StandardErrorCode#PROVIDER_FAILED} for a provider that
 * failed to load or was refused (wrong SPI version, no name), {@link
 * io.stowage.api.StandardErrorCode#DUPLICATE_PROVIDER} for a name claimed twice.
 */
public final class PluginProblem {
  private final PluginKind<?> kind;
  private final ErrorCode code;
  private final String message;
  private final List<ProviderOrigin> providers;
  private final Throwable cause;

  PluginProblem(
      PluginKind<?> kind,
      ErrorCode code,
      String message,
      List<ProviderOrigin> providers,
      Throwable cause) {
    this.kind = requireNonNull(kind, "kind is null");
    this.code = requireNonNull(code, "code is null");
    this.message = requireNonNull(message, "message is null");
    this.providers = List.copyOf(providers);
    this.cause = cause;
  }

  /** The kind of plugin concerned. */
  public PluginKind<?> kind() {
    return kind;
  }

  /** The error category. */
  public ErrorCode code() {
    return code;
  }

  /** A complete sentence naming the provider class(es), their jars, and what to do. */
  public String message() {
    return message;
  }

  /**
   * The providers concerned: one for a load failure or refusal (with {@link
   * ProviderOrigin#UNKNOWN_LOCATION} when the class could not even be found), two or more for a
   * name conflict.
   */
  public List<ProviderOrigin> providers() {
    return providers;
  }

  /** What the provider threw, when it threw. */
  public Optional<Throwable> cause() {
    return Optional.ofNullable(cause);
  }

  /** This problem as the exception a caller asking for the provider gets. */
  public BackupException toException() {
    return new BackupException(code, message, cause);
  }

  @Override
  public String toString() {
    return code.name() + ": " + message;
  }
}
