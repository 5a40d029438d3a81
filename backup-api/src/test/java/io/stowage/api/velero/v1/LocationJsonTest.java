package io.stowage.api.velero.v1;

import static io.stowage.api.velero.v1.BackupJsonTest.goForm;
import static io.stowage.api.velero.v1.BackupJsonTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocationJsonTest {
  @Test
  void backupStorageLocationRoundTrips() {
    String json = resource("bsl-full.json");

    BackupStorageLocation bsl = VeleroJson.readBackupStorageLocation(json);
    byte[] written = VeleroJson.writeBackupStorageLocationPretty(bsl);

    assertThat(VeleroJson.mapper().readTree(written)).isEqualTo(VeleroJson.mapper().readTree(json));
    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(goForm("bsl-full.json"));
  }

  @Test
  void backupStorageLocationAccessors() {
    BackupStorageLocation bsl =
        VeleroJson.readBackupStorageLocation(
            new ByteArrayInputStream(resource("bsl-full.json").getBytes(StandardCharsets.UTF_8)));
    BackupStorageLocationSpec spec = bsl.getSpec();
    BackupStorageLocationStatus status = bsl.getStatus();

    assertThat(bsl.getKind()).isEqualTo("BackupStorageLocation");
    assertThat(bsl).hasToString("BackupStorageLocation velero/default");
    assertThat(spec.getProvider()).isEqualTo("velero.io/aws");
    assertThat(spec.getConfig()).containsEntry("s3Url", "http://minio.velero.svc:9000");
    assertThat(spec.getCredential().getName()).isEqualTo("cloud-credentials");
    assertThat(spec.getCredential().getKey()).isEqualTo("cloud");
    assertThat(spec.getCredential().getOptional()).isFalse();
    ObjectStorageLocation storage = spec.getObjectStorage();
    assertThat(storage.getBucket()).isEqualTo("velero-backups");
    assertThat(storage.getPrefix()).isEqualTo("cluster-a");
    assertThat(new String(storage.getCaCert(), StandardCharsets.UTF_8))
        .startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(storage.getCaCertRef().getKey()).isEqualTo("ca.crt");
    assertThat(storage.getUnknownFields()).containsOnlyKeys("futureObjectStorageField");
    assertThat(spec.isDefault()).isTrue();
    assertThat(spec.getAccessMode()).isEqualTo(BackupStorageLocationAccessMode.READ_ONLY);
    assertThat(spec.getBackupSyncPeriod()).isEqualTo(GoDuration.ZERO);
    assertThat(spec.getValidationFrequency()).isEqualTo(GoDuration.ofMinutes(1));
    assertThat(spec.getUnknownFields()).containsOnlyKeys("futureSpecField");
    assertThat(status.getPhase()).isEqualTo(BackupStorageLocationPhase.AVAILABLE);
    assertThat(status.getLastSyncedTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(status.getLastValidationTime()).isEqualTo(Instant.parse("2026-01-02T03:05:05Z"));
    assertThat(status.getMessage()).contains("is available");
    assertThat(status.getLastSyncedRevision()).startsWith("8a3e6f1c");
    assertThat(status.getAccessMode()).isEqualTo(BackupStorageLocationAccessMode.READ_WRITE);
    assertThat(status.getUnknownFields()).containsOnlyKeys("futureStatusField");
    assertThat(status.getUnknownFields().get("futureStatusField").isNull()).isTrue();
    assertThat(bsl.getUnknownFields()).containsOnlyKeys("futureTopLevelField");
  }

  @Test
  void aFreshBackupStorageLocationWritesItsRequiredFields() {
    BackupStorageLocation bsl = new BackupStorageLocation();
    bsl.getMetadata().setName("default");
    bsl.getSpec().setProvider("aws");

    assertThat(new String(VeleroJson.writeCompact(bsl), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"kind\":\"BackupStorageLocation\",\"apiVersion\":\"velero.io/v1\","
                + "\"metadata\":{\"name\":\"default\"},"
                + "\"spec\":{\"provider\":\"aws\",\"objectStorage\":null},\"status\":{}}");

    bsl.getSpec().setObjectStorage(new ObjectStorageLocation("bucket", null));
    bsl.getSpec().setDefault(false);
    bsl.getSpec().setBackupSyncPeriod(GoDuration.ZERO);
    assertThat(VeleroJson.toTree(bsl).get("spec").toString())
        .isEqualTo(
            "{\"provider\":\"aws\",\"objectStorage\":{\"bucket\":\"bucket\"},"
                + "\"backupSyncPeriod\":\"0s\"}");
  }

  @Test
  void volumeSnapshotLocationRoundTrips() {
    String json = resource("vsl-full.json");

    VolumeSnapshotLocation vsl = VeleroJson.readVolumeSnapshotLocation(json);
    byte[] written = VeleroJson.writeVolumeSnapshotLocationPretty(vsl);

    assertThat(VeleroJson.mapper().readTree(written)).isEqualTo(VeleroJson.mapper().readTree(json));
    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(goForm("vsl-full.json"));
    assertThat(vsl.getKind()).isEqualTo("VolumeSnapshotLocation");
    assertThat(vsl.getSpec().getProvider()).isEqualTo("velero.io/aws");
    assertThat(vsl.getSpec().getConfig()).containsEntry("region", "eu-west-1");
    assertThat(vsl.getSpec().getCredential().getOptional()).isNull();
    assertThat(vsl.getStatus().getPhase()).isEqualTo(VolumeSnapshotLocationPhase.UNAVAILABLE);
    assertThat(vsl.getSpec().getUnknownFields()).containsOnlyKeys("futureSpecField");
    assertThat(vsl.getStatus().getUnknownFields()).containsOnlyKeys("futureStatusField");
    assertThat(vsl.getUnknownFields()).containsOnlyKeys("futureTopLevelField");
  }

  @Test
  void locationsDeepCopy() {
    BackupStorageLocation bsl = VeleroJson.readBackupStorageLocation(resource("bsl-full.json"));
    VolumeSnapshotLocation vsl = VeleroJson.readVolumeSnapshotLocation(resource("vsl-full.json"));

    BackupStorageLocation bslCopy = VeleroJson.deepCopy(bsl);
    VolumeSnapshotLocation vslCopy = VeleroJson.deepCopy(vsl);
    bslCopy.getSpec().getConfig().put("region", "elsewhere");
    vslCopy.getSpec().getConfig().clear();

    assertThat(bsl.getSpec().getConfig()).containsEntry("region", "minio");
    assertThat(vsl.getSpec().getConfig()).hasSize(2);
    assertThat(VeleroJson.toTree(VeleroJson.deepCopy(bsl))).isEqualTo(VeleroJson.toTree(bsl));
  }
}
