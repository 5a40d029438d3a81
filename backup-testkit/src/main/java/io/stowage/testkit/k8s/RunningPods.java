package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pods that look running and ready, for seeding before {@code pods/exec}: fabric8's client reads
 * the pod and waits until it is ready (or terminated) before it execs, and checks the container
 * name against the pod's spec.
 */
public final class RunningPods {

  private RunningPods() {}

  /**
   * A pod in phase {@code Running} with condition {@code Ready=True} and one ready container per
   * name (image {@code busybox}).
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   * @param containers container names, at least one
   * @throws IllegalArgumentException if no container name is given
   */
  public static Pod of(String namespace, String name, String... containers) {
    if (containers.length == 0) {
      throw new IllegalArgumentException("a pod needs at least one container");
    }
    List<String> names = Arrays.asList(containers);
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withContainers(
            names.stream()
                .map(c -> new ContainerBuilder().withName(c).withImage("busybox").build())
                .collect(Collectors.toList()))
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .withContainerStatuses(
            names.stream()
                .map(
                    c ->
                        new ContainerStatusBuilder()
                            .withName(c)
                            .withImage("busybox")
                            .withReady(true)
                            .withStarted(true)
                            .withRestartCount(0)
                            .build())
                .collect(Collectors.toList()))
        .endStatus()
        .build();
  }
}
