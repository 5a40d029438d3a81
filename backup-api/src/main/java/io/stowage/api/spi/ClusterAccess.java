package io.stowage.api.spi;

import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain access to the cluster being backed up, for plugins that need to read related objects or
 * create helper objects (a CSI VolumeSnapshot, for instance). Objects are JSON trees as the API
 * server returns them; types are resolved through discovery at their preferred version.
 *
 * <p>Implementations are thread-safe. Failures throw {@link io.stowage.api.BackupException} with
 * {@link io.stowage.api.StandardErrorCode#CLUSTER_FAILED}.
 */
public interface ClusterAccess {
  /** The object, or empty when it does not exist. */
  Optional<ObjectNode> get(ResourceIdentifier id);

  /**
   * Every object of a type, in a namespace or (with {@code namespace} empty) in all of them,
   * matching {@code labelSelector} ({@code ""} for all). Paged underneath.
   */
  List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector);

  /** Creates the object in the namespace given in its metadata and returns it as stored. */
  ObjectNode create(GroupResource resource, ObjectNode object);

  /** Applies a JSON merge patch (RFC 7386) and returns the object as stored. */
  ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch);

  /** Deletes the object; deleting one that does not exist is not an error. */
  void delete(ResourceIdentifier id);
}
