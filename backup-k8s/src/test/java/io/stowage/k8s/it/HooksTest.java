package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.annotated;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.stowage.api.ResourceSelector;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.velero.v1.BackupHooks;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.BackupResourceHook;
import io.stowage.api.velero.v1.BackupResourceHookSpec;
import io.stowage.api.velero.v1.ExecHook;
import io.stowage.api.velero.v1.HookErrorMode;
import io.stowage.k8s.it.BackupFixture.Run;
import io.stowage.testkit.k8s.ExecHandler;
import io.stowage.testkit.k8s.ExecResult;
import io.stowage.testkit.k8s.RunningPods;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backup hooks run through the pod exec API of the embedded server (facts §6.8): annotation hooks,
 * spec hooks, onError, timeouts and {@code hookStatus}.
 */
class HooksTest extends ClusterTestBase {
  private static final String PRE = "pre.hook.backup.velero.io/";
  private static final String POST = "post.hook.backup.velero.io/";

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void quietExec() {
    fixture.k8s().setExecHandler(ExecHandler.SUCCEED_SILENTLY);
  }

  /** Records {@code exec <pod> <container> <command>} and answers with exit code {@code code}. */
  private void recordExecs(int code) {
    fixture
        .k8s()
        .setExecHandler(
            (ns, pod, container, command) -> {
              events.add("exec " + pod + " " + container + " " + String.join(" ", command));
              return new ExecResult("said " + command.get(0), "warned", code);
            });
  }

  /** An action on pods that records when the pod is processed, just before it is written. */
  private TestActions.Recording podWriteMarker() {
    return TestActions.action(
        "test/write-marker",
        ResourceSelector.resources("pods"),
        item -> {
          events.add("write " + item.identity().name());
          return ActionResult.unchanged(item);
        });
  }

  private static Pod pod(String name, String... annotations) {
    return annotated(RunningPods.of("a", name, "app", "sidecar"), annotations);
  }

  private static BackupHooks specHooks(String pre, String post) {
    ExecHook preExec = new ExecHook();
    preExec.setCommand(List.of("spec-" + pre));
    ExecHook postExec = new ExecHook();
    postExec.setCommand(List.of("spec-" + post));
    postExec.setContainer("sidecar");
    BackupResourceHookSpec spec = new BackupResourceHookSpec();
    spec.setName("quiesce");
    spec.setIncludedNamespaces(List.of("a"));
    spec.setIncludedResources(List.of("pods"));
    spec.setPre(List.of(new BackupResourceHook(preExec)));
    spec.setPost(List.of(new BackupResourceHook(postExec)));
    BackupHooks hooks = new BackupHooks();
    hooks.setResources(List.of(spec));
    return hooks;
  }

  @Test
  void annotationHooksRunBeforeAndAfterThePodIsWrittenAndAreCounted() {
    recordExecs(0);
    fixture.seed(
        namespace("a"),
        pod("p", PRE + "command", "[\"/bin/sh\", \"-c\", \"sync\"]", POST + "command", "thaw"));

    Run run = fixture.runner().actions(podWriteMarker()).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(events).containsExactly("exec p app /bin/sh -c sync", "write p", "exec p app thaw");
    assertThat(run.items()).contains(Paths.ns("pods", "a", "p"));
    assertThat(run.status().getHookStatus().getHooksAttempted()).isEqualTo(2);
    assertThat(run.status().getHookStatus().getHooksFailed()).isZero();
    assertThat(run.log()).contains("stdout: said /bin/sh").contains("stderr: warned");
  }

  @Test
  void aFailingPreHookWithFailKeepsThePodOutButInTheBackedUpSet() {
    recordExecs(1);
    fixture.seed(
        namespace("a"),
        pod("p", PRE + "command", "freeze", PRE + "on-error", "Fail", POST + "command", "thaw"),
        pod("q"));

    Run run = fixture.runner().actions(podWriteMarker()).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.items())
        .doesNotContain(Paths.ns("pods", "a", "p"))
        .contains(Paths.ns("pods", "a", "q"));
    assertThat(run.resourceList().get("v1/Pod")).containsExactly("a/p", "a/q");
    // Later hooks for the pod (its post hook) do not run, and neither does anything else for it.
    assertThat(events).containsExactly("exec p app freeze", "write q");
    assertThat(run.status().getHookStatus().getHooksAttempted()).isEqualTo(1);
    assertThat(run.status().getHookStatus().getHooksFailed()).isEqualTo(1);
    assertThat(run.log()).contains("Error executing hook");
  }

  @Test
  void aFailingHookWithoutFailIsAnErrorButThePodIsWritten() {
    recordExecs(3);
    fixture.seed(namespace("a"), pod("p", PRE + "command", "freeze"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.items()).contains(Paths.ns("pods", "a", "p"));
    assertThat(run.status().getHookStatus().getHooksFailed()).isEqualTo(1);
  }

  @Test
  void aHookThatOutlivesItsTimeoutIsReported() {
    fixture
        .k8s()
        .setExecHandler(
            (ns, pod, container, command) -> {
              Thread.sleep(5_000);
              return ExecResult.success("late");
            });
    fixture.seed(
        namespace("a"),
        pod("p", PRE + "command", "slow", PRE + "timeout", "1s", PRE + "on-error", "Fail"));

    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.items()).doesNotContain(Paths.ns("pods", "a", "p"));
    assertThat(run.log()).contains("Error executing hook").contains("did not finish within 1s");
    assertThat(run.status().getHookStatus().getHooksFailed()).isEqualTo(1);
  }

  @Test
  void specHooksAreSkippedForAPodWithAnnotationHooksOfThatPhase() {
    recordExecs(0);
    fixture.seed(
        namespace("a"),
        pod("annotated", PRE + "command", "own-freeze", PRE + "container", "sidecar"),
        labelled(pod("plain"), "app", "web"));

    Run run = fixture.backup(spec -> spec.setHooks(specHooks("freeze", "thaw")));

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(events)
        .containsExactly(
            "exec annotated sidecar own-freeze",
            // no annotation post hook: the spec's post hook runs for it
            "exec annotated sidecar spec-thaw",
            "exec plain app spec-freeze",
            "exec plain sidecar spec-thaw");
    assertThat(run.status().getHookStatus().getHooksAttempted()).isEqualTo(4);
  }

  @Test
  void specHooksWithFailStopTheRestForThatPod() {
    recordExecs(1);
    fixture.seed(namespace("a"), pod("p"));
    BackupHooks hooks = specHooks("freeze", "thaw");
    hooks.getResources().get(0).getPre().get(0).getExec().setOnError(HookErrorMode.FAIL);

    Run run = fixture.backup(spec -> spec.setHooks(hooks));

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(events).containsExactly("exec p app spec-freeze");
    assertThat(run.items()).doesNotContain(Paths.ns("pods", "a", "p"));
    assertThat(run.resourceList().get("v1/Pod")).containsExactly("a/p");
  }

  @Test
  void aPodWhosePreHookFailedDoesNotFailTheItemThatAskedForIt() {
    recordExecs(1);
    fixture.seed(
        namespace("a"),
        Seeds.configMap("a", "cm"),
        pod("p", PRE + "command", "freeze", PRE + "on-error", "Fail"));

    Run run =
        fixture
            .runner()
            .actions(
                TestActions.additional(
                    "test/wants-pod",
                    ResourceSelector.resources("configmaps"),
                    TestActions.id("pods", "a", "p")))
            .run();

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(run.items())
        .contains(Paths.cm("a", "cm"))
        .doesNotContain(Paths.ns("pods", "a", "p"));
    assertThat(events).containsExactly("exec p app freeze");
  }
}
