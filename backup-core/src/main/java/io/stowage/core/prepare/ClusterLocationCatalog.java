package io.stowage.core.prepare;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Locations from Velero's namespace in a cluster: {@code backupstoragelocations.velero.io} and
 * {@code volumesnapshotlocations.velero.io}. A cluster without Velero's CRDs has no locations.
 */
public final class ClusterLocationCatalog implements LocationCatalog {
  public static final GroupResource STORAGE_LOCATIONS =
      new GroupResource("velero.io", "backupstoragelocations");
  public static final GroupResource SNAPSHOT_LOCATIONS =
      new GroupResource("velero.io", "volumesnapshotlocations");

  private final ClusterAccess cluster;
  private final String namespace;

  public ClusterLocationCatalog(ClusterAccess cluster, String namespace) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
  }

  @Override
  public Optional<BackupStorageLocation> storageLocation(String name) {
    try {
      return cluster
          .get(new ResourceIdentifier(STORAGE_LOCATIONS, namespace, name))
          .map(node -> VeleroJson.mapper().treeToValue(node, BackupStorageLocation.class));
    } catch (BackupException e) {
      if (e.errorCode() == StandardErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<BackupStorageLocation> storageLocations() {
    List<BackupStorageLocation> locations = new ArrayList<>();
    for (ObjectNode node : listOrEmpty(STORAGE_LOCATIONS)) {
      locations.add(VeleroJson.mapper().treeToValue(node, BackupStorageLocation.class));
    }
    return locations;
  }

  @Override
  public List<VolumeSnapshotLocation> snapshotLocations() {
    List<VolumeSnapshotLocation> locations = new ArrayList<>();
    for (ObjectNode node : listOrEmpty(SNAPSHOT_LOCATIONS)) {
      locations.add(VeleroJson.mapper().treeToValue(node, VolumeSnapshotLocation.class));
    }
    return locations;
  }

  private List<ObjectNode> listOrEmpty(GroupResource type) {
    try {
      return cluster.list(type, namespace, "");
    } catch (BackupException e) {
      if (e.errorCode() == StandardErrorCode.NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
  }
}
