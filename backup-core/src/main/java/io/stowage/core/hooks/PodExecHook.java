package io.stowage.core.hooks;

import static java.util.Objects.requireNonNull;

import io.stowage.api.velero.v1.HookErrorMode;
import java.time.Duration;
import java.util.List;

/**
 * One exec hook to run in a pod, from an annotation or from a spec.
 *
 * @param name the spec's name, or {@code <from-annotation>}
 * @param source {@code annotation} or {@code backupSpec}, as Velero logs it
 * @param container container name; {@code ""} for the pod's first container
 * @param command argv, possibly empty (which fails when run)
 * @param onError {@code null} when unset, which behaves like Continue for stopping
 * @param timeout zero for the default of 30 seconds
 */
public record PodExecHook(
    String name,
    String source,
    String container,
    List<String> command,
    HookErrorMode onError,
    Duration timeout) {
  public static final String FROM_ANNOTATION = "<from-annotation>";

  public PodExecHook {
    requireNonNull(name, "name is null");
    requireNonNull(source, "source is null");
    container = container == null ? "" : container;
    command = command == null ? List.of() : List.copyOf(command);
    timeout = timeout == null ? Duration.ZERO : timeout;
  }

  /** Whether a failure stops the pod's remaining hooks (and, before, keeps it out). */
  public boolean failsOnError() {
    return onError == HookErrorMode.FAIL;
  }
}
