package io.stowage.k8s.it;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ExecResult;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.cluster.ServerVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

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
    return new Cluster() {
      @Override
      public ServerVersion serverVersion() {
        return delegate.serverVersion();
      }

      @Override
      public Discovery discover() {
        return delegate.discover();
      }

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
        return delegate.list(type, namespace, labelSelector, limit, token);
      }

      @Override
      public Optional<ObjectNode> get(ApiResource type, String namespace, String name) {
        return delegate.get(type, namespace, name);
      }

      @Override
      public ExecResult exec(
          String namespace, String pod, String container, List<String> command, Duration timeout) {
        return delegate.exec(namespace, pod, container, command, timeout);
      }

      @Override
      public Optional<ObjectNode> get(ResourceIdentifier id) {
        return delegate.get(id);
      }

      @Override
      public List<ObjectNode> list(GroupResource resource, String namespace, String selector) {
        return delegate.list(resource, namespace, selector);
      }

      @Override
      public ObjectNode create(GroupResource resource, ObjectNode object) {
        return delegate.create(resource, object);
      }

      @Override
      public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
        return delegate.mergePatch(id, patch);
      }

      @Override
      public void delete(ResourceIdentifier id) {
        delegate.delete(id);
      }
    };
  }
}
