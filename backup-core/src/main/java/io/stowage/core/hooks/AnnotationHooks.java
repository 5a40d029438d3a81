package io.stowage.core.hooks;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.HookErrorMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exec hooks defined by pod annotations: {@code <phase>.hook.backup.velero.io/command}, {@code
 * …/container}, {@code …/on-error}, {@code …/timeout}; for the pre phase, the unprefixed legacy
 * keys when no {@code pre.}-prefixed command exists.
 */
public final class AnnotationHooks {
  static final String COMMAND = "hook.backup.velero.io/command";
  static final String CONTAINER = "hook.backup.velero.io/container";
  static final String ON_ERROR = "hook.backup.velero.io/on-error";
  static final String TIMEOUT = "hook.backup.velero.io/timeout";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnnotationHooks() {}

  /**
   * The pod's annotation hook for the phase, or empty when it has none (no or empty command). A
   * timeout that does not parse as a Go duration is logged as a warning and the default is used.
   */
  public static Optional<PodExecHook> of(
      Map<String, String> annotations, HookPhase phase, BackupLog log, ResourceIdentifier pod) {
    Optional<PodExecHook> hook = read(annotations, phase.value() + ".", log, pod);
    if (hook.isEmpty() && phase == HookPhase.PRE) {
      hook = read(annotations, "", log, pod);
    }
    return hook;
  }

  private static Optional<PodExecHook> read(
      Map<String, String> annotations, String prefix, BackupLog log, ResourceIdentifier pod) {
    String command = annotations.getOrDefault(prefix + COMMAND, "");
    if (command.isEmpty()) {
      return Optional.empty();
    }
    String container = annotations.getOrDefault(prefix + CONTAINER, "");
    String onErrorValue = annotations.getOrDefault(prefix + ON_ERROR, "");
    HookErrorMode onError =
        switch (onErrorValue) {
          case "Continue" -> HookErrorMode.CONTINUE;
          case "Fail" -> HookErrorMode.FAIL;
          default -> null;
        };
    Duration timeout = Duration.ZERO;
    String timeoutValue = annotations.getOrDefault(prefix + TIMEOUT, "");
    if (!timeoutValue.isEmpty()) {
      try {
        timeout = GoDuration.parse(timeoutValue).toDuration();
      } catch (RuntimeException e) {
        log.warn(
            pod,
            "Unable to parse provided timeout "
                + timeoutValue
                + ", using default: "
                + e.getMessage());
      }
    }
    return Optional.of(
        new PodExecHook(
            PodExecHook.FROM_ANNOTATION,
            "annotation",
            container,
            parseCommand(command),
            onError,
            timeout));
  }

  /**
   * A value starting with {@code [} is a JSON array of strings (kept whole as one argument when it
   * does not parse as one); anything else is a single argument, never split on spaces.
   */
  static List<String> parseCommand(String value) {
    if (value.charAt(0) == '[') {
      try {
        JsonNode node = JSON.readTree(value);
        if (node.isArray()) {
          List<String> argv = new ArrayList<>();
          for (JsonNode element : node) {
            if (!element.isString()) {
              return List.of(value);
            }
            argv.add(element.asString());
          }
          return argv;
        }
      } catch (JacksonException e) {
        // Velero falls back to the whole value as one argument.
      }
    }
    return List.of(value);
  }
}
