package io.stowage.k8s.it;

import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ForwardingCluster;
import io.stowage.core.cluster.ListPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the list calls the backupper makes (pass {@link #wrap} to {@code Runner.cluster}), as
 * {@code limit=<n> continue=<yes|no> selector=<s>} per group resource.
 */
final class RecordingCluster {
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** The list calls for that group resource ({@code configmaps}, {@code deployments.apps}). */
  List<String> callsFor(String groupResource) {
    synchronized (calls) {
      return calls.stream()
          .filter(c -> c.startsWith(groupResource + " "))
          .map(c -> c.substring(groupResource.length() + 1))
          .toList();
    }
  }

  Cluster wrap(Cluster delegate) {
    return new ForwardingCluster(delegate) {
      @Override
      public ListPage list(
          ApiResource type, String namespace, String labelSelector, int limit, String token) {
        calls.add(
            type.groupResource()
                + " limit="
                + limit
                + " continue="
                + (token == null || token.isEmpty() ? "no" : "yes")
                + " selector="
                + labelSelector);
        return super.list(type, namespace, labelSelector, limit, token);
      }
    };
  }
}
