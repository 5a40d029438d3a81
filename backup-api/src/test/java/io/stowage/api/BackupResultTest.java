package io.stowage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BackupResultTest {
  @Test
  void anEmptyBuilderGivesAnEmptyResultThatDidNotFail() {
    BackupResult result = BackupResult.builder().build();

    assertThat(result.totalItems()).isZero();
    assertThat(result.resourceList()).isEmpty();
    assertThat(result.volumeSnapshots()).isEmpty();
    assertThat(result.csiVolumeSnapshots()).isEmpty();
    assertThat(result.volumeInfos()).isEmpty();
    assertThat(result.failed()).isFalse();
  }

  @Test
  void theBuilderSetsEveryFieldAndTheResultCopiesItsLists() {
    List<NativeVolumeSnapshot> snapshots = new ArrayList<>();
    TreeMap<String, List<String>> resources = new TreeMap<>();
    resources.put("v1/ConfigMap", new ArrayList<>(List.of("shop/a")));

    BackupResult result =
        BackupResult.builder()
            .items(3, 2)
            .resourceList(resources)
            .volumeSnapshots(snapshots)
            .hooks(4, 1)
            .csiVolumeSnapshotCounts(2, 1)
            .build();
    resources.get("v1/ConfigMap").add("shop/b");

    assertThat(result.totalItems()).isEqualTo(3);
    assertThat(result.itemsBackedUp()).isEqualTo(2);
    assertThat(result.hooksAttempted()).isEqualTo(4);
    assertThat(result.hooksFailed()).isEqualTo(1);
    assertThat(result.csiVolumeSnapshotsAttempted()).isEqualTo(2);
    assertThat(result.csiVolumeSnapshotsCompleted()).isEqualTo(1);
    assertThat(result.resourceList().get("v1/ConfigMap")).containsExactly("shop/a");
    assertThatThrownBy(() -> result.volumeSnapshots().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aResultThatFailedBeforeStartCarriesItsReason() {
    BackupResult result = BackupResult.failedBeforeStart("the store is read-only");

    assertThat(result.failed()).isTrue();
    assertThat(result.failureReason()).isEqualTo("the store is read-only");
    assertThat(result.itemsBackedUp()).isZero();
  }
}
