package io.stowage.k8s.it;

import static io.stowage.k8s.it.Seeds.configMap;
import static io.stowage.k8s.it.Seeds.deployment;
import static io.stowage.k8s.it.Seeds.namespace;
import static io.stowage.k8s.it.Seeds.pv;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.store.BackupFile;
import io.stowage.api.velero.v1.BackupPhase;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.k8s.it.BackupFixture.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a backup leaves in the object store, and when it leaves nothing (§2.2, §9). */
class PersistenceTest extends ClusterTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeEach
  void seed() {
    fixture.seed(
        namespace("a"),
        namespace("b"),
        configMap("a", "cm-2"),
        configMap("a", "cm-1"),
        configMap("b", "cm"),
        deployment("a", "web"),
        pv("pv-1"));
  }

  @Test
  void theStoreHoldsVelerosNineFilesUnderBackupsName() {
    Run run = fixture.backup(spec -> {});

    assertThat(run.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(run.storeKeys())
        .containsExactlyInAnyOrder(
            "backups/nightly/velero-backup.json",
            "backups/nightly/nightly.tar.gz",
            "backups/nightly/nightly-logs.gz",
            "backups/nightly/nightly-podvolumebackups.json.gz",
            "backups/nightly/nightly-volumesnapshots.json.gz",
            "backups/nightly/nightly-itemoperations.json.gz",
            "backups/nightly/nightly-resource-list.json.gz",
            "backups/nightly/nightly-results.gz",
            "backups/nightly/nightly-volumeinfo.json.gz",
            // Velero up to v1.16 wrote the CSI lists always ("null" when empty)
            "backups/nightly/nightly-csi-volumesnapshots.json.gz",
            "backups/nightly/nightly-csi-volumesnapshotcontents.json.gz",
            "backups/nightly/nightly-csi-volumesnapshotclasses.json.gz");
    // nothing outside backups/ (Velero marks a location with other top-level prefixes invalid)
    assertThat(fixture.allKeys()).allMatch(k -> k.startsWith("backups/nightly/"));
  }

  @Test
  void veleroBackupJsonIsPrettyAndCompleteWithoutTrailingNewline() {
    Run run = fixture.backup(spec -> {});

    String text = run.metadataText();
    assertThat(text).startsWith("{\n  \"").doesNotEndWith("\n").endsWith("}");
    JsonNode json = JSON.readTree(text);
    assertThat(json.path("apiVersion").asString()).isEqualTo("velero.io/v1");
    assertThat(json.path("kind").asString()).isEqualTo("Backup");
    assertThat(json.path("metadata").path("name").asString()).isEqualTo("nightly");
    assertThat(json.path("metadata").path("labels").path("velero.io/storage-location").asString())
        .isEqualTo("default");
    JsonNode annotations = json.path("metadata").path("annotations");
    assertThat(annotations.path("velero.io/source-cluster-k8s-gitversion").asString())
        .isEqualTo("v1.32.0");
    assertThat(annotations.path("velero.io/source-cluster-k8s-major-version").asString())
        .isEqualTo("1");
    assertThat(annotations.path("velero.io/source-cluster-k8s-minor-version").asString())
        .isEqualTo("32");
    assertThat(annotations.path("velero.io/resource-timeout").asString()).isEqualTo("10m0s");
    assertThat(json.path("spec").path("ttl").asString()).isEqualTo("720h0m0s");
    assertThat(json.path("spec").path("storageLocation").asString()).isEqualTo("default");
    JsonNode status = json.path("status");
    assertThat(status.path("phase").asString()).isEqualTo("Completed");
    assertThat(status.path("formatVersion").asString()).isEqualTo("1.1.0");
    assertThat(status.path("version").asInt()).isEqualTo(1);
    Instant start = Instant.parse(status.path("startTimestamp").asString());
    Instant completion = Instant.parse(status.path("completionTimestamp").asString());
    Instant expiration = Instant.parse(status.path("expiration").asString());
    assertThat(completion).isAfterOrEqualTo(start);
    assertThat(Duration.between(start, expiration))
        .isBetween(Duration.ofHours(720).minusMinutes(1), Duration.ofHours(720));
    assertThat(status.path("progress").path("itemsBackedUp").asInt()).isEqualTo(run.items().size());
    assertThat(VeleroJson.readBackup(text).getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
  }

  @Test
  void theLogIsGzippedTextWithLevels() {
    Run run = fixture.backup(spec -> {});

    String log = run.log();
    assertThat(log.lines()).isNotEmpty().allMatch(line -> line.contains(" level="));
    assertThat(log)
        .contains("level=info")
        .contains("backup=velero/nightly")
        .contains("Backed up a total of " + run.items().size() + " items");
  }

  @Test
  void theResourceListMapsTypeKeysToSortedNames() {
    Run run = fixture.backup(spec -> {});

    String text = run.gunzipped(BackupFile.RESOURCE_LIST);
    assertThat(text).endsWith("}\n").doesNotContain(" ");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("apps/v1/Deployment", List.of("a/web"));
    expected.put("v1/ConfigMap", List.of("a/cm-1", "a/cm-2", "b/cm"));
    expected.put("v1/Namespace", List.of("a", "b"));
    expected.put("v1/PersistentVolume", List.of("pv-1"));
    assertThat(run.resourceList()).containsExactlyEntriesOf(expected);
  }

  @Test
  void sideFilesArePresentEvenWhenEmpty() {
    // Without the PV there is no volume at all: a PV, even one no snapshotter knows, would get a
    // volume-info entry (NativeSnapshotsTest).
    Run run = fixture.backup(spec -> spec.setExcludedResources(List.of("persistentvolumes")));

    assertThat(run.gunzipped(BackupFile.VOLUME_SNAPSHOTS)).isEqualTo("null\n");
    assertThat(run.gunzipped(BackupFile.POD_VOLUME_BACKUPS)).isEqualTo("null\n");
    assertThat(run.gunzipped(BackupFile.ITEM_OPERATIONS)).isEqualTo("[]\n");
    assertThat(run.gunzipped(BackupFile.CSI_VOLUME_SNAPSHOTS)).isEqualTo("null\n");
    assertThat(run.gunzipped(BackupFile.CSI_VOLUME_SNAPSHOT_CONTENTS)).isEqualTo("null\n");
    JsonNode volumeInfo = run.sideFile(BackupFile.VOLUME_INFO);
    assertThat(volumeInfo.isArray()).isTrue();
    assertThat(volumeInfo.isEmpty()).isTrue();
    // Velero encodes map[string]Result{"warnings", "errors"}: both keys, always
    assertThat(run.gunzipped(BackupFile.RESULTS)).isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }

  @Test
  void resultsGroupWarningsAndErrorsByScope() {
    Run run =
        fixture.backup(
            spec -> {
              spec.setIncludedNamespaces(List.of("a", "ghost"));
              spec.setOrderedResources(Map.of("configmaps", "a/nope"));
            });

    assertThat(run.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    JsonNode results = run.sideFile(BackupFile.RESULTS);
    assertThat(results.path("errors").path("velero").toString())
        .contains("fail to get the namespace ghost");
    assertThat(results.path("warnings").path("velero").toString())
        .contains("Cannot find resource 'a/nope'.");
    assertThat(run.status().getErrors()).isEqualTo(1);
    assertThat(run.status().getWarnings()).isEqualTo(1);
  }

  @Test
  void anExistingBackupOfThatNameIsNeverOverwritten() throws IOException {
    Run first = fixture.backup(spec -> {});
    assertThat(first.phase()).isEqualTo(BackupPhase.COMPLETED);
    Map<String, byte[]> before = snapshot(first);
    fixture.seed(configMap("a", "new-one"));

    Run second = fixture.backup(spec -> spec.setIncludedNamespaces(List.of("a")));

    assertThat(second.phase()).isEqualTo(BackupPhase.FAILED);
    assertThat(second.status().getFailureReason())
        .isEqualTo("backup already exists in object storage");
    assertThat(second.status().getCompletionTimestamp()).isNotNull();
    Map<String, byte[]> after = snapshot(second);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((key, bytes) -> assertThat(after.get(key)).as(key).isEqualTo(bytes));
    assertThat(tarEntryNames(after.get("backups/nightly/nightly.tar.gz")))
        .noneMatch(n -> n.contains("new-one"));
  }

  @Test
  void aValidationFailureWritesNothing() {
    Run run = fixture.backup(spec -> spec.setExcludedResources(List.of("*")));

    assertThat(run.phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
    assertThat(run.stored()).isFalse();
    assertThat(fixture.allKeys()).isEmpty();
  }

  private static Map<String, byte[]> snapshot(Run run) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String key : run.storeKeys()) {
      try (InputStream in = fixture.store().objects().getObject(BackupFixture.BUCKET, key)) {
        files.put(key, in.readAllBytes());
      }
    }
    return files;
  }

  private static List<String> tarEntryNames(byte[] tarGz) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
