package io.stowage.api;

/**
 * A stable, categorised error code. Core and each plugin define an enum implementing this, each in
 * its own numeric range, so that hosts can count and branch on failures without parsing messages.
 *
 * <p>Ranges: {@code 0x0000_0000} core and API, {@code 0x0001_0000} filesystem store, {@code
 * 0x0002_0000} S3 store, {@code 0x0003_0000} CSI snapshots, {@code 0x0100_0000} and up third
 * parties.
 */
public interface ErrorCode {
  /** A number that never changes once released. */
  int code();

  /** A constant-style name, such as {@code OBJECT_NOT_FOUND}. */
  String name();

  ErrorCategory category();
}
