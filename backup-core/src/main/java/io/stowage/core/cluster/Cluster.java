package io.stowage.core.cluster;

import io.stowage.api.spi.ClusterAccess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's view of a Kubernetes API server. {@code backup-k8s} implements it on fabric8; tests
 * use a fake. Everything the engine needs from a cluster goes through here, so the engine is
 * testable without HTTP.
 *
 * <p>Implementations are thread-safe. Failures throw {@link io.stowage.api.BackupException} with
 * {@link io.stowage.api.StandardErrorCode#CLUSTER_FAILED} and a message naming the call.
 */
public interface Cluster extends ClusterAccess {
  ServerVersion serverVersion();

  /**
   * The server's preferred resources by group, in discovery order (core group first). A group whose
   * discovery fails is left out and reported through {@code failedGroups}.
   */
  Discovery discover();

  /**
   * One page of a list. {@code namespace} {@code ""} lists across all namespaces (or a
   * cluster-scoped type); {@code labelSelector} {@code ""} selects all; {@code limit} 0 asks for
   * everything at once.
   */
  ListPage list(
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken);

  /** One object by name at the given type's version, or empty when it does not exist. */
  Optional<ObjectNode> get(ApiResource type, String namespace, String name);

  /**
   * Runs a command in a container through the pod exec API and waits at most {@code timeout}.
   * Throws {@link io.stowage.api.BackupException} with {@link
   * io.stowage.api.StandardErrorCode#TIMEOUT} when it does not end in time.
   */
  ExecResult exec(
      String namespace, String pod, String container, List<String> command, Duration timeout);

  /**
   * What discovery returned.
   *
   * @param groups groups in discovery order
   * @param failedGroups groups whose discovery failed, with the reason
   */
  record Discovery(List<ApiGroupVersions> groups, List<String> failedGroups) {
    public Discovery {
      groups = List.copyOf(groups);
      failedGroups = List.copyOf(failedGroups);
    }
  }
}
