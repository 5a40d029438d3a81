package io.stowage.core.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.VolumeSnapshotLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotLocationResolverTest {
  private final List<String> errors = new ArrayList<>();

  @Test
  void theOnlyLocationOfEachProviderIsUsedAndWrittenBack() {
    BackupSpec spec = new BackupSpec();

    List<VolumeSnapshotLocation> resolved =
        resolve(Map.of(), spec, vsl("aws-east", "aws"), vsl("gcp-eu", "gcp"));

    assertThat(errors).isEmpty();
    assertThat(names(resolved)).containsExactly("aws-east", "gcp-eu");
    assertThat(spec.getVolumeSnapshotLocations()).containsExactly("aws-east", "gcp-eu");
  }

  @Test
  void aNamedLocationChoosesAmongSeveralOfItsProvider() {
    BackupSpec spec = new BackupSpec();
    spec.setVolumeSnapshotLocations(List.of("aws-west"));

    List<VolumeSnapshotLocation> resolved =
        resolve(Map.of(), spec, vsl("aws-east", "aws"), vsl("aws-west", "aws"));

    assertThat(errors).isEmpty();
    assertThat(names(resolved)).containsExactly("aws-west");
  }

  @Test
  void severalUnnamedLocationsNeedAServerDefault() {
    BackupSpec spec = new BackupSpec();

    assertThat(resolve(Map.of(), spec, vsl("aws-east", "aws"), vsl("aws-west", "aws"))).isEmpty();
    assertThat(errors)
        .containsExactly(
            "provider aws has more than one possible volume snapshot location, and none were"
                + " specified explicitly or as a default");
    assertThat(spec.getVolumeSnapshotLocations()).isEmpty();

    errors.clear();
    List<VolumeSnapshotLocation> resolved =
        resolve(Map.of("aws", "aws-west"), spec, vsl("aws-east", "aws"), vsl("aws-west", "aws"));
    assertThat(errors).isEmpty();
    assertThat(names(resolved)).containsExactly("aws-west");
  }

  @Test
  void aServerDefaultThatDoesNotExistIsAGetError() {
    resolve(Map.of("aws", "aws-gone"), new BackupSpec(), vsl("a", "aws"), vsl("b", "aws"));

    assertThat(errors)
        .containsExactly(
            "error getting volume snapshot location named aws-gone:"
                + " volumesnapshotlocations.velero.io \"aws-gone\" not found");
  }

  @Test
  void namedErrorsAreReportedAloneAndTheSpecKeepsItsNames() {
    BackupSpec spec = new BackupSpec();
    spec.setVolumeSnapshotLocations(List.of("missing", "aws-east", "aws-west"));

    List<VolumeSnapshotLocation> resolved =
        resolve(
            Map.of(),
            spec,
            vsl("aws-east", "aws"),
            vsl("aws-west", "aws"),
            vsl("gcp-1", "gcp"),
            vsl("gcp-2", "gcp"));

    assertThat(resolved).isEmpty();
    assertThat(errors)
        .containsExactly(
            "a VolumeSnapshotLocation CRD for the location missing with the name specified in the"
                + " backup spec needs to be created before this snapshot can be executed. Error:"
                + " volumesnapshotlocations.velero.io \"missing\" not found",
            "more than one VolumeSnapshotLocation name specified for provider aws: aws-west;"
                + " unexpected name was aws-east");
    assertThat(spec.getVolumeSnapshotLocations())
        .containsExactly("missing", "aws-east", "aws-west");
  }

  @Test
  void aCatalogThatCannotListFailsEveryNamedLocationOrTheListing() {
    LocationCatalog broken =
        catalog(
            () -> {
              throw new BackupException(StandardErrorCode.CLUSTER_FAILED, "connection refused");
            });
    BackupSpec named = new BackupSpec();
    named.setVolumeSnapshotLocations(List.of("aws-east"));

    new SnapshotLocationResolver(Map.of()).resolve(named, broken, errors);
    new SnapshotLocationResolver(Map.of()).resolve(new BackupSpec(), broken, errors);

    assertThat(errors)
        .containsExactly(
            "error getting volume snapshot location named aws-east: connection refused",
            "error listing volume snapshot locations: connection refused");
  }

  private List<VolumeSnapshotLocation> resolve(
      Map<String, String> defaults, BackupSpec spec, VolumeSnapshotLocation... all) {
    return new SnapshotLocationResolver(defaults)
        .resolve(spec, catalog(() -> List.of(all)), errors);
  }

  private static List<String> names(List<VolumeSnapshotLocation> locations) {
    return locations.stream().map(l -> l.getMetadata().getName()).toList();
  }

  private static VolumeSnapshotLocation vsl(String name, String provider) {
    VolumeSnapshotLocation location = new VolumeSnapshotLocation();
    location.getMetadata().setName(name);
    location.getSpec().setProvider(provider);
    return location;
  }

  private interface SnapshotLocations {
    List<VolumeSnapshotLocation> list();
  }

  private static LocationCatalog catalog(SnapshotLocations snapshotLocations) {
    return new LocationCatalog() {
      @Override
      public Optional<BackupStorageLocation> storageLocation(String name) {
        return Optional.empty();
      }

      @Override
      public List<BackupStorageLocation> storageLocations() {
        return List.of();
      }

      @Override
      public List<VolumeSnapshotLocation> snapshotLocations() {
        return snapshotLocations.list();
      }
    };
  }
}
