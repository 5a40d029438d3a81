package io.stowage.core.backup;

import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ListPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which running pods of a namespace mount which PersistentVolumeClaims: what Velero's {@code
 * velero.io/pvc} ItemBlockAction asks the cluster for each claim (facts §6.2).
 *
 * <p>A namespace is listed once, page by page, the first time it is asked about, and only pods in
 * phase {@code Running} that mount a claim are kept. Memory: claim and pod names only, never pod
 * bodies, for the namespaces that had a pod with claims in the backup. The answer is what the
 * cluster said at that list; callers re-read a pod before they rely on it. Not thread-safe: one
 * backup run backs up items on one thread.
 */
final class PodVolumeIndex {
  private final Cluster cluster;
  private final ApiResource podType;
  private final int pageSize;
  private final Map<String, Map<String, Set<String>>> podsByClaimByNamespace = new HashMap<>();

  PodVolumeIndex(Cluster cluster, ApiResource podType, int pageSize) {
    this.cluster = cluster;
    this.podType = podType;
    this.pageSize = pageSize;
  }

  /** Names of the running pods in {@code namespace} that mount {@code claim}, in list order. */
  List<String> runningPodsMounting(String namespace, String claim) {
    Set<String> pods = podsByClaimByNamespace.computeIfAbsent(namespace, this::index).get(claim);
    return pods == null ? List.of() : List.copyOf(pods);
  }

  private Map<String, Set<String>> index(String namespace) {
    Map<String, Set<String>> podsByClaim = new HashMap<>();
    String token = "";
    do {
      ListPage page = cluster.list(podType, namespace, "", pageSize, token);
      page.items()
          .forEach(
              pod -> {
                if (isRunning(pod)) {
                  String name = pod.path("metadata").path("name").asString("");
                  for (String claim : claimNames(pod)) {
                    podsByClaim.computeIfAbsent(claim, c -> new LinkedHashSet<>()).add(name);
                  }
                }
              });
      token = page.continueToken();
    } while (!token.isEmpty());
    return podsByClaim;
  }

  static boolean isRunning(JsonNode pod) {
    return "Running".equals(pod.path("status").path("phase").asString(""));
  }

  /** The claims a pod mounts: {@code spec.volumes[].persistentVolumeClaim.claimName}, in order. */
  static List<String> claimNames(JsonNode pod) {
    List<String> claims = new ArrayList<>();
    for (JsonNode volume : pod.path("spec").path("volumes")) {
      String claim = volume.path("persistentVolumeClaim").path("claimName").asString("");
      if (!claim.isEmpty() && !claims.contains(claim)) {
        claims.add(claim);
      }
    }
    return claims;
  }
}
