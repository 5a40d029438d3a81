package io.stowage.core.hooks;

/** When a backup hook runs relative to its pod's backup. */
public enum HookPhase {
  PRE("pre"),
  POST("post");

  private final String value;

  HookPhase(String value) {
    this.value = value;
  }

  /** Velero's name of the phase, also the annotation prefix. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
