package io.stowage.core.backup;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.hooks.HookPhase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hook window of Velero's ItemBlocks for pods that share PersistentVolumeClaims (facts §6.1
 * step 7, §6.2, §6.8).
 *
 * <p>A listed pod that mounts claims starts a block: the pod, and, transitively through its claims,
 * every pod in phase {@code Running} of the same namespace that mounts one of them (what the {@code
 * velero.io/pod} and {@code velero.io/pvc} ItemBlockActions relate), read again from the cluster
 * and kept when it passes the inclusion checks and is not backed up yet. Then, as Velero does per
 * block: the pre hooks of every pod; each pod through the normal item path without its hooks (its
 * actions bring its claims and their volumes, so a claim's snapshot is cut while every pod of the
 * block is frozen); the post hooks of every pod whose pre hooks passed. A pod whose pre hook fails
 * with {@code onError: Fail} is counted but not written, as outside a block.
 *
 * <p>Other items, pods without claims and pods backed up as additional items keep their own window
 * in {@link ItemBackupper}. The claims themselves are not inclusion-checked here (Velero checks the
 * PVC before its action relates pods); only the claims' type must be included. One per backup run,
 * used from the run's thread.
 */
final class PodBlocks {
  static final GroupResource PODS = GroupResource.core("pods");

  private final BackupScope scope;
  private final ItemBackupper items;
  private final int pageSize;
  private PodVolumeIndex index;

  PodBlocks(BackupScope scope, ItemBackupper items, int pageSize) {
    this.scope = scope;
    this.items = items;
    this.pageSize = pageSize;
  }

  /** Backs up a listed item: a pod with claims with its block, anything else on its own. */
  ItemOutcome backUpListed(ApiResource type, ObjectNode object) {
    if (!type.groupResource().equals(PODS) || PodVolumeIndex.claimNames(object).isEmpty()) {
      return items.backup(type, object, true, false);
    }
    if (!items.included(type, object, false)) {
      return ItemOutcome.SKIPPED;
    }
    if (items.isBackedUp(type, object)) {
      return ItemOutcome.ALREADY_BACKED_UP;
    }
    List<ObjectNode> block = members(type, object);
    if (block.size() > 1) {
      scope
          .log()
          .info(
              id(object),
              "Pods sharing volumes form one block, hooks around all of them: "
                  + block.stream().map(p -> id(p).name()).toList());
    }
    List<Optional<String>> preErrors = new ArrayList<>();
    for (ObjectNode pod : block) {
      preErrors.add(scope.hooks().run(HookPhase.PRE, PODS, pod));
    }
    ItemOutcome first = null;
    for (int i = 0; i < block.size(); i++) {
      // The other pods count as listed: they are in the namespace's list and count when it
      // reaches them (as already backed up); the reported total is never below the backed-up count.
      ItemOutcome outcome = items.backupBlockPod(type, block.get(i), true, preErrors.get(i));
      first = first == null ? outcome : first;
    }
    for (int i = 0; i < block.size(); i++) {
      if (preErrors.get(i).isEmpty()) {
        scope.hooks().run(HookPhase.POST, PODS, block.get(i));
      }
    }
    return first;
  }

  /** The listed pod first, then the running pods related through shared claims, in found order. */
  private List<ObjectNode> members(ApiResource type, ObjectNode first) {
    String namespace = first.path("metadata").path("namespace").asString("");
    Map<String, ObjectNode> pods = new LinkedHashMap<>();
    pods.put(id(first).name(), first);
    if (!scope.resources().includesItem(ItemBackupper.PERSISTENT_VOLUME_CLAIMS, namespace)) {
      return List.of(first); // no claim enters the block, so no pod is related through one
    }
    Set<String> seenClaims = new HashSet<>();
    Set<String> rejected = new HashSet<>();
    Deque<String> claims = new ArrayDeque<>(PodVolumeIndex.claimNames(first));
    while (!claims.isEmpty()) {
      String claim = claims.pop();
      if (!seenClaims.add(claim)) {
        continue;
      }
      for (String name : podsMounting(type, first, namespace, claim)) {
        if (pods.containsKey(name) || rejected.contains(name)) {
          continue;
        }
        Optional<ObjectNode> pod = related(type, first, namespace, name);
        if (pod.isEmpty()) {
          rejected.add(name);
          continue;
        }
        pods.put(name, pod.get());
        claims.addAll(PodVolumeIndex.claimNames(pod.get()));
      }
    }
    return List.copyOf(pods.values());
  }

  /**
   * The running pods mounting {@code claim}. As in Velero, a failure to find related items is an
   * error on the item, not on the backup: the block then holds fewer pods.
   */
  private List<String> podsMounting(
      ApiResource type, ObjectNode first, String namespace, String claim) {
    try {
      return index(type).runningPodsMounting(namespace, claim);
    } catch (RuntimeException e) {
      scope
          .log()
          .error(
              id(first), "Error listing the pods that mount claim " + claim + " in its block", e);
      return List.of();
    }
  }

  /** The pod as the cluster has it now, if it still runs, is included and not backed up yet. */
  private Optional<ObjectNode> related(
      ApiResource type, ObjectNode first, String namespace, String name) {
    Optional<ObjectNode> pod;
    try {
      pod = scope.cluster().get(type, namespace, name);
    } catch (RuntimeException e) {
      scope.log().error(id(first), "Error getting related pod " + namespace + "/" + name, e);
      return Optional.empty();
    }
    if (pod.isEmpty()) {
      scope
          .log()
          .warn(
              id(first),
              "Related item was not found in Kubernetes API, can't add to item block: pod "
                  + namespace
                  + "/"
                  + name);
      return Optional.empty();
    }
    if (!PodVolumeIndex.isRunning(pod.get())) {
      return Optional.empty();
    }
    if (items.isBackedUp(type, pod.get()) || !items.included(type, pod.get(), false)) {
      return Optional.empty();
    }
    return pod;
  }

  private PodVolumeIndex index(ApiResource podType) {
    if (index == null) {
      index = new PodVolumeIndex(scope.cluster(), podType, pageSize);
    }
    return index;
  }

  private static ResourceIdentifier id(ObjectNode pod) {
    return new ResourceIdentifier(
        PODS,
        pod.path("metadata").path("namespace").asString(""),
        pod.path("metadata").path("name").asString(""));
  }
}
