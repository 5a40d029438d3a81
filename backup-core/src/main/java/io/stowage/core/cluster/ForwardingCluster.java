package io.stowage.core.cluster;

import static java.util.Objects.requireNonNull;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Cluster} that passes every call to another one; decorators (read-ahead, recording,
 * timing) extend it and override only what they change.
 */
public abstract class ForwardingCluster implements Cluster {
  private final Cluster delegate;

  protected ForwardingCluster(Cluster delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  /** The cluster calls are passed to. */
  protected final Cluster delegate() {
    return delegate;
  }

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
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken) {
    return delegate.list(type, namespace, labelSelector, limit, continueToken);
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
  public List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector) {
    return delegate.list(resource, namespace, labelSelector);
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
}
