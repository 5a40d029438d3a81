package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.annotated;
import static io.stowage.k8s.it.Seeds.labelled;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static io.stowage.k8s.it.Seeds.pvc;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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

  /** An action on claims that records when the claim is processed, just before it is written. */
  private TestActions.Recording claimWriteMarker() {
    return TestActions.action(
        "test/claim-marker",
        ResourceSelector.resources("persistentvolumeclaims"),
        item -> {
          events.add("claim " + item.identity().name());
          return ActionResult.unchanged(item);
        });
  }

  private static Pod mounting(Pod pod, String claim) {
    return new PodBuilder(pod)
        .editSpec()
        .addNewVolume()
        .withName("data")
        .withNewPersistentVolumeClaim()
        .withClaimName(claim)
        .endPersistentVolumeClaim()
        .endVolume()
        .endSpec()
        .build();
  }

  private static Pod inPhase(Pod pod, String phase) {
    return new PodBuilder(pod).editStatus().withPhase(phase).endStatus().build();
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

  @Test
  void runningPodsSharingAClaimAreAllFrozenWhileTheClaimIsBackedUp() {
    recordExecs(0);
    fixture.seed(
        namespace("a"),
        mounting(pod("p", PRE + "command", "freeze-p", POST + "command", "thaw-p"), "shared"),
        mounting(pod("q", PRE + "command", "freeze-q", POST + "command", "thaw-q"), "shared"),
        pvc("a", "shared", "pv-1"),
        pv("pv-1"));

    Run run = fixture.runner().actions(podWriteMarker(), claimWriteMarker()).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    // One block: both pre hooks, then the claim (brought by p's velero.io/pod action) and both
    // pods, then both post hooks; no pod has a window of its own.
    assertThat(events)
        .containsExactly(
            "exec p app freeze-p",
            "exec q app freeze-q",
            "claim shared",
            "write p",
            "write q",
            "exec p app thaw-p",
            "exec q app thaw-q");
    assertThat(run.items())
        .contains(
            Paths.ns("pods", "a", "p"),
            Paths.ns("pods", "a", "q"),
            Paths.ns("persistentvolumeclaims", "a", "shared"));
    assertThat(run.resourceList().get("v1/Pod")).containsExactly("a/p", "a/q");
    assertThat(run.status().getHookStatus().getHooksAttempted()).isEqualTo(4);
    assertThat(run.status().getProgress().getTotalItems())
        .isEqualTo(run.status().getProgress().getItemsBackedUp());
  }

  @Test
  void aPodThatIsNotRunningOrIsExcludedIsNotPulledIntoTheBlock() {
    recordExecs(0);
    fixture.seed(
        namespace("a"),
        mounting(pod("p", PRE + "command", "freeze-p", POST + "command", "thaw-p"), "shared"),
        inPhase(mounting(pod("q"), "shared"), "Pending"),
        labelled(
            mounting(pod("r", PRE + "command", "freeze-r"), "shared"), Seeds.EXCLUDE_LABEL, "true"),
        pvc("a", "shared", "pv-1"),
        pv("pv-1"));

    Run run = fixture.runner().actions(podWriteMarker(), claimWriteMarker()).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    // q is backed up when the list reaches it, after p's block; r never.
    assertThat(events)
        .containsExactly(
            "exec p app freeze-p", "claim shared", "write p", "exec p app thaw-p", "write q");
    assertThat(run.resourceList().get("v1/Pod")).containsExactly("a/p", "a/q");
  }

  @Test
  void aSharedPodWhosePreHookFailsIsCountedButNotWrittenAndGetsNoPostHook() {
    fixture
        .k8s()
        .setExecHandler(
            (ns, pod, container, command) -> {
              events.add("exec " + pod + " " + String.join(" ", command));
              return new ExecResult("", "", command.get(0).equals("freeze-q") ? 1 : 0);
            });
    fixture.seed(
        namespace("a"),
        mounting(pod("p", PRE + "command", "freeze-p", POST + "command", "thaw-p"), "shared"),
        mounting(
            pod(
                "q",
                PRE + "command",
                "freeze-q",
                PRE + "on-error",
                "Fail",
                POST + "command",
                "thaw-q"),
            "shared"),
        pvc("a", "shared", "pv-1"),
        pv("pv-1"));

    Run run = fixture.runner().actions(podWriteMarker(), claimWriteMarker()).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(events)
        .containsExactly(
            "exec p freeze-p", "exec q freeze-q", "claim shared", "write p", "exec p thaw-p");
    assertThat(run.items()).doesNotContain(Paths.ns("pods", "a", "q"));
    assertThat(run.resourceList().get("v1/Pod")).containsExactly("a/p", "a/q");
  }

  @Test
  void theBlockFollowsSharedClaimsTransitivelyFromOneListOfTheNamespacesPods() {
    recordExecs(0);
    Pod q =
        new PodBuilder(mounting(pod("q", PRE + "command", "freeze-q"), "one"))
            .editSpec()
            .addNewVolume()
            .withName("more")
            .withNewPersistentVolumeClaim()
            .withClaimName("two")
            .endPersistentVolumeClaim()
            .endVolume()
            .endSpec()
            .build();
    fixture.seed(
        namespace("a"),
        mounting(pod("p", PRE + "command", "freeze-p"), "one"),
        q,
        mounting(pod("r", PRE + "command", "freeze-r"), "two"),
        pvc("a", "one", "pv-1"),
        pvc("a", "two", "pv-2"),
        pv("pv-1"),
        pv("pv-2"));
    RecordingCluster calls = new RecordingCluster();

    Run run =
        fixture.runner().actions(podWriteMarker(), claimWriteMarker()).cluster(calls::wrap).run();

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    // r shares nothing with p but "two" with q: it is frozen before any claim is backed up.
    assertThat(events)
        .containsExactly(
            "exec p app freeze-p",
            "exec q app freeze-q",
            "exec r app freeze-r",
            "claim one",
            "write p",
            "claim two",
            "write q",
            "write r");
    // The collection's list of pods, and one more for the index of namespace a.
    assertThat(calls.callsFor("pods")).hasSize(2);
  }
}
