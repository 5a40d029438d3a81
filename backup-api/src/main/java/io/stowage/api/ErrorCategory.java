package io.stowage.api;

/** Who has to act on an error: the user, an outside system, Stowage itself, or the machine. */
public enum ErrorCategory {
  /**
   * Bad input: a malformed spec, an unknown name, a wrong setting. The message says what to fix.
   */
  USER,
  /** Something outside Stowage failed or refused: the API server, an object store, a plugin. */
  EXTERNAL,
  /** A defect in Stowage or a plugin. */
  INTERNAL,
  /** The machine ran out of something: memory, disk, time. */
  RESOURCES
}
