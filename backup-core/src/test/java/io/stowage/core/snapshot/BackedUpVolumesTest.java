package io.stowage.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupVolumeInfo.PvInfo;
import io.stowage.core.snapshot.BackedUpVolumes.Approach;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BackedUpVolumesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BackedUpVolumes volumes = new BackedUpVolumes();

  @Test
  void reasonsAreOnePerApproachSortedByApproachAndSerialisedAsVeleroDoes() {
    volumes.skip("pv-1", Approach.VOLUME_SNAPSHOT, "no applicable volumesnapshotter found");
    volumes.skip("pv-1", Approach.CSI_SNAPSHOT, "first");
    volumes.skip("pv-1", Approach.CSI_SNAPSHOT, "skipped b/c it's not a CSI volume");
    volumes.skip("pv-1", Approach.ANY, "item has label velero.io/exclude-from-backup=true");
    volumes.skip("pv-0", Approach.POD_VOLUME, "opted out");

    assertThat(volumes.skippedReasons())
        .containsExactly(
            Map.entry("pv-0", "podvolume: opted out;"),
            Map.entry(
                "pv-1",
                "any: item has label velero.io/exclude-from-backup=true;"
                    + "csiSnapshot: skipped b/c it's not a CSI volume;"
                    + "volumeSnapshot: no applicable volumesnapshotter found;"));
  }

  @Test
  void anIncludedVolumeIsNeverSkippedAgain() {
    volumes.skip("pv-1", Approach.VOLUME_SNAPSHOT, "no applicable volumesnapshotter found");
    volumes.include("pv-1");
    volumes.skip("pv-1", Approach.CSI_SNAPSHOT, "skipped b/c it's not a CSI volume");
    volumes.skip("", Approach.ANY, "no name");
    volumes.skip("pv-2", Approach.ANY, "");

    assertThat(volumes.skippedReasons()).isEmpty();
  }

  @Test
  void keepsClaimReclaimPolicyAndLabelsOfAPersistentVolume() {
    volumes.add(
        JSON.readTree(
            "{\"metadata\":{\"name\":\"pv-1\",\"labels\":{\"zone\":\"a\",\"app\":\"db\"}},"
                + "\"spec\":{\"persistentVolumeReclaimPolicy\":\"Retain\","
                + "\"claimRef\":{\"namespace\":\"shop\",\"name\":\"data\"},"
                + "\"hostPath\":{\"path\":\"/data\"}}}"));
    volumes.add(JSON.readTree("{\"metadata\":{\"name\":\"pv-2\"},\"spec\":{}}"));

    BackedUpVolumes.Volume expected =
        new BackedUpVolumes.Volume(
            "pv-1", "data", "shop", new PvInfo("Retain", Map.of("app", "db", "zone", "a")));
    assertThat(volumes.byName("pv-1")).contains(expected);
    assertThat(volumes.byClaim("shop", "data")).contains(expected);
    assertThat(volumes.byName("pv-2"))
        .contains(new BackedUpVolumes.Volume("pv-2", "", "", new PvInfo("", null)));
    assertThat(volumes.byClaim("shop", "other")).isEmpty();
    assertThat(volumes.byName("pv-3")).isEmpty();
  }
}
