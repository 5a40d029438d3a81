package io.stowage.core.prepare;

import io.stowage.api.BackupException;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Velero's volume snapshot location resolution (facts §7.2): the named locations must exist, one
 * per provider; every other provider with locations contributes its only one or its server default.
 * The resolved names are written back to the spec. {@code snapshotVolumes} is not considered, as in
 * Velero.
 */
final class SnapshotLocationResolver {
  private final Map<String, String> serverDefaults;

  SnapshotLocationResolver(Map<String, String> serverDefaults) {
    this.serverDefaults = serverDefaults;
  }

  List<VolumeSnapshotLocation> resolve(
      BackupSpec spec, LocationCatalog locations, List<String> errors) {
    List<VolumeSnapshotLocation> all;
    try {
      all = locations.snapshotLocations();
    } catch (BackupException e) {
      errors.add("error listing volume snapshot locations: " + e.getMessage());
      return List.of();
    }
    Map<String, VolumeSnapshotLocation> byProvider = new LinkedHashMap<>();
    for (String name : BackupPreparer.nullToEmpty(spec.getVolumeSnapshotLocations())) {
      VolumeSnapshotLocation location =
          all.stream().filter(l -> name.equals(l.getMetadata().getName())).findFirst().orElse(null);
      if (location == null) {
        errors.add(
            "a VolumeSnapshotLocation CRD for the location "
                + name
                + " with the name specified in the backup spec needs to be created before this"
                + " snapshot can be executed. Error: volumesnapshotlocations.velero.io \""
                + name
                + "\" not found");
        continue;
      }
      String provider = location.getSpec().getProvider();
      VolumeSnapshotLocation earlier = byProvider.get(provider);
      if (earlier != null && !earlier.getMetadata().getName().equals(name)) {
        errors.add(
            "more than one VolumeSnapshotLocation name specified for provider "
                + provider
                + ": "
                + name
                + "; unexpected name was "
                + earlier.getMetadata().getName());
        continue;
      }
      byProvider.put(provider, location);
    }
    Map<String, List<VolumeSnapshotLocation>> unnamed = new LinkedHashMap<>();
    for (VolumeSnapshotLocation location : all) {
      String provider = location.getSpec().getProvider();
      if (!byProvider.containsKey(provider)) {
        unnamed.computeIfAbsent(provider, p -> new ArrayList<>()).add(location);
      }
    }
    for (Map.Entry<String, List<VolumeSnapshotLocation>> entry : unnamed.entrySet()) {
      List<VolumeSnapshotLocation> candidates = entry.getValue();
      if (candidates.size() == 1) {
        byProvider.put(entry.getKey(), candidates.get(0));
        continue;
      }
      String defaultName = serverDefaults.get(entry.getKey());
      VolumeSnapshotLocation chosen =
          candidates.stream()
              .filter(l -> l.getMetadata().getName().equals(defaultName))
              .findFirst()
              .orElse(null);
      if (chosen == null) {
        errors.add(
            "provider "
                + entry.getKey()
                + " has more than one possible volume snapshot location, and none were specified"
                + " explicitly or as a default");
      } else {
        byProvider.put(entry.getKey(), chosen);
      }
    }
    List<String> names = new ArrayList<>();
    byProvider.values().forEach(l -> names.add(l.getMetadata().getName()));
    spec.setVolumeSnapshotLocations(names);
    return new ArrayList<>(byProvider.values());
  }
}
