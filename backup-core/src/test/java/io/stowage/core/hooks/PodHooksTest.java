package io.stowage.core.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupException;
import io.stowage.api.BackupLog;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.BackupHooks;
import io.stowage.api.velero.v1.BackupResourceHook;
import io.stowage.api.velero.v1.BackupResourceHookSpec;
import io.stowage.api.velero.v1.ExecHook;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.HookErrorMode;
import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.core.cluster.ApiGroupVersions;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ExecResult;
import io.stowage.core.filter.ResourceResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PodHooksTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final GroupResource PODS = GroupResource.core("pods");
  private static final ResourceIdentifier POD = new ResourceIdentifier(PODS, "a", "p");

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final BackupLog log =
      (BackupLog.Level level, ResourceIdentifier item, String message, Throwable error) ->
          lines.add(level + " " + message);
  private final List<String> calls = new ArrayList<>();

  private PodHooks.PodExec recording(int exitCode) {
    return (ns, pod, container, command, timeout) -> {
      calls.add(ns + "/" + pod + " " + container + " " + command + " " + timeout.toSeconds());
      return new ExecResult("out of " + command.get(0), "err", exitCode);
    };
  }

  private static ObjectNode pod(String annotations, String labels, String phase) {
    return (ObjectNode)
        JSON.readTree(
            ("{'metadata':{'name':'p','namespace':'a','annotations':"
                    + annotations
                    + ",'labels':"
                    + labels
                    + "},'spec':{'containers':[{'name':'app'},{'name':'side'}]},"
                    + "'status':{'phase':'"
                    + phase
                    + "'}}")
                .replace('\'', '"'));
  }

  private static ResourceResolver resolver() {
    ApiResource pods =
        new ApiResource(
            "",
            "v1",
            "pods",
            "pod",
            "Pod",
            true,
            List.of("list", "create", "get", "delete"),
            List.of("po"));
    return new ResourceResolver(
        new Cluster.Discovery(List.of(new ApiGroupVersions("", "v1", List.of(pods))), List.of()));
  }

  private static BackupHooks spec(
      String name, List<String> namespaces, Map<String, String> labels, ExecHook... pre) {
    BackupResourceHookSpec spec = new BackupResourceHookSpec();
    spec.setName(name);
    spec.setIncludedNamespaces(namespaces);
    spec.setIncludedResources(List.of("po"));
    if (labels != null) {
      LabelSelector selector = new LabelSelector();
      selector.setMatchLabels(labels);
      spec.setLabelSelector(selector);
    }
    List<BackupResourceHook> hooks = new ArrayList<>();
    for (ExecHook exec : pre) {
      hooks.add(new BackupResourceHook(exec));
    }
    spec.setPre(hooks);
    spec.setPost(hooks);
    BackupHooks all = new BackupHooks();
    all.setResources(List.of(spec));
    return all;
  }

  private static ExecHook exec(String command, HookErrorMode onError) {
    ExecHook exec = new ExecHook();
    exec.setCommand(List.of(command));
    exec.setOnError(onError);
    return exec;
  }

  @Test
  void annotationCommandIsOneArgumentUnlessJsonAndGoesToTheFirstContainer() {
    PodHooks hooks = new PodHooks(recording(0), List.of(), log);
    ObjectNode pod =
        pod(
            "{'pre.hook.backup.velero.io/command':'/bin/sh -c sync',"
                + "'post.hook.backup.velero.io/command':'[\\\"echo\\\",\\\"a b\\\"]',"
                + "'post.hook.backup.velero.io/container':'side',"
                + "'post.hook.backup.velero.io/timeout':'90s'}",
            "{}",
            "Running");

    assertThat(hooks.run(HookPhase.PRE, PODS, pod)).isEmpty();
    assertThat(hooks.run(HookPhase.POST, PODS, pod)).isEmpty();

    assertThat(calls).containsExactly("a/p app [/bin/sh -c sync] 30", "a/p side [echo, a b] 90");
    assertThat(hooks.attempted()).isEqualTo(2);
    assertThat(hooks.failed()).isZero();
    assertThat(lines).contains("INFO stdout: out of /bin/sh -c sync", "INFO stderr: err");
  }

  @Test
  void legacyKeysArePreOnlyAndYieldToPrefixedOnes() {
    PodHooks hooks = new PodHooks(recording(0), List.of(), log);
    ObjectNode legacy = pod("{'hook.backup.velero.io/command':'legacy'}", "{}", "Running");
    hooks.run(HookPhase.PRE, PODS, legacy);
    hooks.run(HookPhase.POST, PODS, legacy);
    ObjectNode both =
        pod(
            "{'hook.backup.velero.io/command':'legacy','pre.hook.backup.velero.io/command':'new'}",
            "{}",
            "Running");
    hooks.run(HookPhase.PRE, PODS, both);

    assertThat(calls).containsExactly("a/p app [legacy] 30", "a/p app [new] 30");
  }

  @Test
  void badAnnotationTimeoutWarnsAndUsesTheDefault() {
    PodHooks hooks = new PodHooks(recording(0), List.of(), log);
    hooks.run(
        HookPhase.PRE,
        PODS,
        pod(
            "{'pre.hook.backup.velero.io/command':'x','pre.hook.backup.velero.io/timeout':'soon'}",
            "{}",
            "Running"));

    assertThat(calls).containsExactly("a/p app [x] 30");
    assertThat(lines).anyMatch(l -> l.startsWith("WARN Unable to parse provided timeout soon"));
  }

  @Test
  void specHooksMatchNamespaceResourceAndLabelsAndYieldToAnnotations() {
    ExecHook first = exec("first", null);
    first.setTimeout(GoDuration.ofSeconds(5));
    PodHooks hooks =
        new PodHooks(
            recording(0),
            ResourceHook.resolve(
                spec("s", List.of("a*"), Map.of("app", "db"), first, exec("second", null)),
                resolver()),
            log);

    hooks.run(HookPhase.PRE, PODS, pod("{}", "{'app':'db'}", "Running"));
    hooks.run(HookPhase.PRE, PODS, pod("{}", "{'app':'web'}", "Running"));
    hooks.run(
        HookPhase.PRE,
        PODS,
        pod("{'pre.hook.backup.velero.io/command':'annotated'}", "{'app':'db'}", "Running"));
    hooks.run(HookPhase.PRE, GroupResource.core("configmaps"), pod("{}", "{'app':'db'}", ""));

    assertThat(calls)
        .containsExactly("a/p app [first] 5", "a/p app [second] 30", "a/p app [annotated] 30");
  }

  @Test
  void onlyFailStopsAndPropagatesButEveryFailureIsAnErrorAndCounted() {
    PodHooks hooks =
        new PodHooks(
            recording(2),
            ResourceHook.resolve(
                spec(
                    "s",
                    List.of(),
                    null,
                    exec("unset", null),
                    exec("continue", HookErrorMode.CONTINUE),
                    exec("fail", HookErrorMode.FAIL),
                    exec("never", null)),
                resolver()),
            log);

    Optional<String> error = hooks.run(HookPhase.PRE, PODS, pod("{}", "{}", "Running"));

    assertThat(error).contains("command terminated with exit code 2");
    assertThat(calls).hasSize(3);
    assertThat(hooks.attempted()).isEqualTo(3);
    assertThat(hooks.failed()).isEqualTo(3);
    assertThat(lines.stream().filter(l -> l.startsWith("ERROR Error executing hook")).count())
        .isEqualTo(3);
  }

  @Test
  void aTimeoutIsAFailedHook() {
    PodHooks hooks =
        new PodHooks(
            (ns, pod, container, command, timeout) -> {
              throw new BackupException(StandardErrorCode.TIMEOUT, "did not finish within 1s");
            },
            List.of(),
            log);

    Optional<String> error =
        hooks.run(
            HookPhase.PRE,
            PODS,
            pod(
                "{'pre.hook.backup.velero.io/command':'x',"
                    + "'pre.hook.backup.velero.io/on-error':'Fail'}",
                "{}",
                "Running"));

    assertThat(error).contains("did not finish within 1s");
    assertThat(hooks.failed()).isEqualTo(1);
  }

  @Test
  void finishedPodsAndUnknownContainersAreHandled() {
    PodHooks hooks = new PodHooks(recording(0), List.of(), log);
    String annotations =
        "{'pre.hook.backup.velero.io/command':'x','pre.hook.backup.velero.io/container':'nope'}";
    assertThat(hooks.run(HookPhase.PRE, PODS, pod(annotations, "{}", "Succeeded"))).isEmpty();
    assertThat(hooks.attempted()).isZero();

    assertThat(hooks.run(HookPhase.PRE, PODS, pod(annotations, "{}", "Running"))).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(hooks.failed()).isEqualTo(1);
    assertThat(lines).anyMatch(l -> l.contains("no such container: nope"));
  }

  @Test
  void timeoutDefaultIsThirtySeconds() {
    assertThat(PodHooks.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
  }
}
