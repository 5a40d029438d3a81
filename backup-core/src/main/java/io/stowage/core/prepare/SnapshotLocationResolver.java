package io.stowage.core.prepare;

import io.stowage.api.BackupException;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Velero's volume snapshot location resolution ({@code validateAndGetSnapshotLocations}, facts
 * §7.2): the named locations must exist, one per provider; every other provider with locations
 * contributes its only one or the one its server default names. {@code snapshotVolumes} is not
 * considered, as in Velero.
 *
 * <p>As in Velero, errors about named locations are reported alone (the other providers are not
 * looked at then), and the spec's {@code volumeSnapshotLocations} is rewritten to the resolved
 * names only when resolution succeeded; a backup that fails validation keeps the names it asked
 * for.
 */
final class SnapshotLocationResolver {
  private final Map<String, String> serverDefaults;

  SnapshotLocationResolver(Map<String, String> serverDefaults) {
    this.serverDefaults = serverDefaults;
  }

  List<VolumeSnapshotLocation> resolve(
      BackupSpec spec, LocationCatalog locations, List<String> errors) {
    List<String> named = BackupPreparer.nullToEmpty(spec.getVolumeSnapshotLocations());
    List<VolumeSnapshotLocation> all;
    try {
      all = locations.snapshotLocations();
    } catch (BackupException e) {
      // Velero GETs each named location before it lists them all; either call fails alike here.
      if (named.isEmpty()) {
        errors.add("error listing volume snapshot locations: " + e.getMessage());
      } else {
        named.forEach(
            name ->
                errors.add(
                    "error getting volume snapshot location named "
                        + name
                        + ": "
                        + e.getMessage()));
      }
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    Map<String, VolumeSnapshotLocation> byProvider = new LinkedHashMap<>();
    for (String name : named) {
      VolumeSnapshotLocation location = byName(all, name);
      if (location == null) {
        problems.add(
            "a VolumeSnapshotLocation CRD for the location "
                + name
                + " with the name specified in the backup spec needs to be created before this"
                + " snapshot can be executed. Error: "
                + notFound(name));
        continue;
      }
      String provider = location.getSpec().getProvider();
      VolumeSnapshotLocation earlier = byProvider.get(provider);
      if (earlier == null) {
        byProvider.put(provider, location);
      } else if (!earlier.getMetadata().getName().equals(name)) {
        problems.add(
            "more than one VolumeSnapshotLocation name specified for provider "
                + provider
                + ": "
                + name
                + "; unexpected name was "
                + earlier.getMetadata().getName());
      }
    }
    if (problems.isEmpty()) {
      addUnnamedProviders(all, byProvider, problems);
    }
    if (!problems.isEmpty()) {
      errors.addAll(problems);
      return List.of();
    }
    List<String> names = new ArrayList<>();
    byProvider.values().forEach(l -> names.add(l.getMetadata().getName()));
    spec.setVolumeSnapshotLocations(names);
    return new ArrayList<>(byProvider.values());
  }

  /** Each provider the spec named no location for: its only location, or its server default. */
  private void addUnnamedProviders(
      List<VolumeSnapshotLocation> all,
      Map<String, VolumeSnapshotLocation> byProvider,
      List<String> problems) {
    Map<String, List<VolumeSnapshotLocation>> unnamed = new LinkedHashMap<>();
    for (VolumeSnapshotLocation location : all) {
      String provider = location.getSpec().getProvider();
      if (!byProvider.containsKey(provider)) {
        unnamed.computeIfAbsent(provider, p -> new ArrayList<>()).add(location);
      }
    }
    for (Map.Entry<String, List<VolumeSnapshotLocation>> entry : unnamed.entrySet()) {
      String provider = entry.getKey();
      List<VolumeSnapshotLocation> candidates = entry.getValue();
      if (candidates.size() == 1) {
        byProvider.put(provider, candidates.get(0));
        continue;
      }
      String defaultName = serverDefaults.get(provider);
      if (defaultName == null || defaultName.isEmpty()) {
        problems.add(
            "provider "
                + provider
                + " has more than one possible volume snapshot location, and none were specified"
                + " explicitly or as a default");
        continue;
      }
      // Velero GETs the default by name and does not check its provider.
      VolumeSnapshotLocation chosen = byName(all, defaultName);
      if (chosen == null) {
        problems.add(
            "error getting volume snapshot location named "
                + defaultName
                + ": "
                + notFound(defaultName));
      } else {
        byProvider.put(provider, chosen);
      }
    }
  }

  private static VolumeSnapshotLocation byName(List<VolumeSnapshotLocation> all, String name) {
    return all.stream()
        .filter(l -> name.equals(l.getMetadata().getName()))
        .findFirst()
        .orElse(null);
  }

  private static String notFound(String name) {
    return "volumesnapshotlocations.velero.io \"" + name + "\" not found";
  }
}
