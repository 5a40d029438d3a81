package io.stowage.core.hooks;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupLog;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.core.cluster.ExecResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the backup hooks of pods, Velero's {@code ItemHookHandler.HandleHooks} (facts §6.8), and
 * keeps the backup's {@code hookStatus} counts. Thread-safe.
 *
 * <ul>
 *   <li>Only core {@code pods} have hooks; a pod in phase {@code Succeeded} or {@code Failed} is
 *       skipped without error.
 *   <li>A pod with an annotation hook for the phase runs that one hook only; otherwise every
 *       matching {@code spec.hooks.resources} entry runs its hooks of the phase, in order.
 *   <li>Each hook runs through the pod exec API in its container (empty: the first container) with
 *       its timeout (zero: 30 s); stdout and stderr go to the backup log.
 *   <li>A failed hook is logged at error level (the backup ends PartiallyFailed) and counted; only
 *       {@code onError: Fail} stops the pod's later hooks and is reported to the caller.
 * </ul>
 */
public final class PodHooks {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final GroupResource PODS = GroupResource.core("pods");

  /** The pod exec call, {@link io.stowage.core.cluster.Cluster#exec} in the engine. */
  @FunctionalInterface
  public interface PodExec {
    ExecResult exec(
        String namespace, String pod, String container, List<String> command, Duration timeout);
  }

  private final PodExec exec;
  private final List<ResourceHook> specHooks;
  private final BackupLog log;
  private final AtomicInteger attempted = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  public PodHooks(PodExec exec, List<ResourceHook> specHooks, BackupLog log) {
    this.exec = requireNonNull(exec, "exec is null");
    this.specHooks = List.copyOf(specHooks);
    this.log = requireNonNull(log, "log is null");
  }

  /** Hooks run so far ({@code hookStatus.hooksAttempted}). */
  public int attempted() {
    return attempted.get();
  }

  /** Hooks that failed so far ({@code hookStatus.hooksFailed}). */
  public int failed() {
    return failed.get();
  }

  /**
   * Runs the item's hooks of that phase.
   *
   * @param type the item's type; anything but core pods has no hooks
   * @param pod the object as read from the cluster
   * @return empty when the hooks ran (failures with Continue or unset included); the error of the
   *     first hook that failed with {@code onError: Fail}
   */
  public Optional<String> run(HookPhase phase, GroupResource type, ObjectNode pod) {
    if (!PODS.equals(type)) {
      return Optional.empty();
    }
    JsonNode metadata = pod.path("metadata");
    String namespace = metadata.path("namespace").asString("");
    String name = metadata.path("name").asString("");
    ResourceIdentifier id = new ResourceIdentifier(PODS, namespace, name);
    String podPhase = pod.path("status").path("phase").asString("");
    if ("Succeeded".equals(podPhase) || "Failed".equals(podPhase)) {
      log.info(id, "Pod is in phase " + podPhase + ", skipping its " + phase + " hooks");
      return Optional.empty();
    }
    Map<String, String> annotations = strings(metadata.path("annotations"));
    Optional<PodExecHook> fromAnnotations = AnnotationHooks.of(annotations, phase, log, id);
    if (fromAnnotations.isPresent()) {
      return execute(phase, id, pod, fromAnnotations.get());
    }
    Map<String, String> labels = strings(metadata.path("labels"));
    for (ResourceHook spec : specHooks) {
      if (!spec.appliesTo(type, namespace, labels)) {
        continue;
      }
      for (PodExecHook hook : spec.hooks(phase)) {
        Optional<String> error = execute(phase, id, pod, hook);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  /** Runs one hook; empty unless it failed with {@code onError: Fail}. */
  private Optional<String> execute(
      HookPhase phase, ResourceIdentifier id, ObjectNode pod, PodExecHook hook) {
    String describe =
        "(hookSource="
            + hook.source()
            + ", hookType=exec, hookPhase="
            + phase
            + ", hookName="
            + hook.name()
            + ")";
    attempted.incrementAndGet();
    String error;
    try {
      error = runExec(id, pod, hook, describe);
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    if (error == null) {
      return Optional.empty();
    }
    failed.incrementAndGet();
    log.error(id, "Error executing hook " + describe + ": " + error, null);
    return hook.failsOnError() ? Optional.of(error) : Optional.empty();
  }

  /** The error, or null when the command ran and exited 0. */
  private String runExec(ResourceIdentifier id, ObjectNode pod, PodExecHook hook, String describe) {
    String container = hook.container();
    JsonNode spec = pod.path("spec");
    if (container.isEmpty()) {
      container = spec.path("containers").path(0).path("name").asString("");
      if (container.isEmpty()) {
        return "pod has no containers";
      }
    } else if (!hasContainer(spec, container)) {
      return "no such container: " + container;
    }
    if (hook.command().isEmpty()) {
      return "command is required";
    }
    Duration timeout = hook.timeout().isZero() ? DEFAULT_TIMEOUT : hook.timeout();
    log.info(
        id,
        "running exec hook "
            + describe
            + " in container "
            + container
            + ": "
            + hook.command()
            + " (timeout "
            + timeout.toSeconds()
            + "s)");
    ExecResult result = exec.exec(id.namespace(), id.name(), container, hook.command(), timeout);
    log.info(id, "stdout: " + result.stdout());
    log.info(id, "stderr: " + result.stderr());
    return result.exitCode() == 0 ? null : "command terminated with exit code " + result.exitCode();
  }

  /** A regular container, or a sidecar (an init container with restartPolicy Always). */
  private static boolean hasContainer(JsonNode spec, String name) {
    for (JsonNode c : spec.path("containers")) {
      if (name.equals(c.path("name").asString(""))) {
        return true;
      }
    }
    for (JsonNode c : spec.path("initContainers")) {
      if (name.equals(c.path("name").asString(""))
          && "Always".equals(c.path("restartPolicy").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> result = new HashMap<>();
    map.properties().forEach(e -> result.put(e.getKey(), e.getValue().asString()));
    return result;
  }
}
