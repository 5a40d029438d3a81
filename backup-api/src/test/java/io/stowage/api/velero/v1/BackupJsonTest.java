package io.stowage.api.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BackupJsonTest {
  static String resource(String name) {
    try (InputStream in = BackupJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource as Go's MarshalIndent would write it: the file minus its final newline. */
  static String goForm(String name) {
    return resource(name).stripTrailing();
  }

  static String pretty(Backup backup) {
    return new String(VeleroJson.writeBackupPretty(backup), StandardCharsets.UTF_8);
  }

  @Test
  void fullBackupRoundTripsAsTheSameTree() {
    String json = resource("backup-full.json");

    Backup backup = VeleroJson.readBackup(json);
    byte[] written = VeleroJson.writeBackupPretty(backup);

    JsonNode expected = VeleroJson.mapper().readTree(json);
    JsonNode actual = VeleroJson.mapper().readTree(written);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void fullBackupIsWrittenByteForByteAsVeleroWritesIt() {
    Backup backup = VeleroJson.readBackup(resource("backup-full.json"));

    assertThat(pretty(backup)).isEqualTo(goForm("backup-full.json"));
  }

  @Test
  void readingFromAStreamAndFromBytesGivesTheSameBackup() {
    byte[] bytes = resource("backup-full.json").getBytes(StandardCharsets.UTF_8);

    Backup fromStream = VeleroJson.readBackup(new ByteArrayInputStream(bytes));
    Backup fromBytes = VeleroJson.readBackup(bytes);

    assertThat(VeleroJson.toTree(fromStream)).isEqualTo(VeleroJson.toTree(fromBytes));
    assertThat(fromStream.getMetadata().getName()).isEqualTo("nightly-20260102030405");
  }

  @Test
  void typedAccessorsSeeEveryKindOfField() {
    Backup backup = VeleroJson.readBackup(resource("backup-full.json"));
    ObjectMeta meta = backup.getMetadata();
    BackupSpec spec = backup.getSpec();
    BackupStatus status = backup.getStatus();

    assertThat(backup.getKind()).isEqualTo("Backup");
    assertThat(backup.getApiVersion()).isEqualTo("velero.io/v1");
    assertThat(backup).hasToString("Backup velero/nightly-20260102030405");

    // metadata
    assertThat(meta.getName()).isEqualTo("nightly-20260102030405");
    assertThat(meta.getGenerateName()).isEqualTo("nightly-");
    assertThat(meta.getNamespace()).isEqualTo("velero");
    assertThat(meta.getUid()).isEqualTo("0b9c2f6e-3f5e-4c7a-9a51-2d8f1c0e7a11");
    assertThat(meta.getResourceVersion()).isEqualTo("48213");
    assertThat(meta.getGeneration()).isEqualTo(3L);
    assertThat(meta.getCreationTimestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(meta.getDeletionTimestamp()).isEqualTo(Instant.parse("2026-02-01T03:04:05Z"));
    assertThat(meta.getDeletionGracePeriodSeconds()).isEqualTo(30L);
    assertThat(meta.getLabels())
        .containsExactly(
            Map.entry("velero.io/schedule-name", "nightly"),
            Map.entry("velero.io/storage-location", "default"));
    assertThat(meta.getAnnotations())
        .containsEntry("velero.io/source-cluster-k8s-minor-version", "31");
    OwnerReference owner = meta.getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("Schedule");
    assertThat(owner.getName()).isEqualTo("nightly");
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
    assertThat(meta.getFinalizers()).containsExactly("velero.io/backup-finalizer");
    assertThat(meta.getManagedFields().isArray()).isTrue();
    assertThat(meta.getManagedFields().get(0).get("manager").asString()).isEqualTo("velero-server");

    // spec: lists, selectors, *bool, durations, maps, references
    assertThat(spec.getMetadata().getLabels()).containsExactly(Map.entry("team", "storage"));
    assertThat(spec.getIncludedNamespaces()).containsExactly("shop", "billing-*");
    assertThat(spec.getExcludedNamespaces()).containsExactly("kube-system");
    assertThat(spec.getIncludedResources()).containsExactly("pods", "deployments.apps");
    assertThat(spec.getExcludedResources()).containsExactly("events");
    assertThat(spec.getIncludedClusterScopedResources()).containsExactly("persistentvolumes");
    assertThat(spec.getExcludedClusterScopedResources()).containsExactly("nodes");
    assertThat(spec.getIncludedNamespaceScopedResources()).containsExactly("configmaps");
    assertThat(spec.getExcludedNamespaceScopedResources()).containsExactly("secrets");
    LabelSelector selector = spec.getLabelSelector();
    assertThat(selector.getMatchLabels()).containsEntry("app", "shop").containsEntry("tier", "web");
    assertThat(selector.getMatchExpressions()).hasSize(2);
    LabelSelectorRequirement env = selector.getMatchExpressions().get(0);
    assertThat(env.getKey()).isEqualTo("env");
    assertThat(env.getOperator()).isEqualTo("In");
    assertThat(env.getValues()).containsExactly("prod", "staging");
    assertThat(selector.getMatchExpressions().get(1).getValues()).isEmpty();
    assertThat(spec.getOrLabelSelectors()).hasSize(2);
    assertThat(spec.getOrLabelSelectors().get(0).getMatchLabels()).containsEntry("app", "billing");
    assertThat(spec.getOrLabelSelectors().get(1).getMatchExpressions().get(0).getOperator())
        .isEqualTo("Exists");
    assertThat(spec.getSnapshotVolumes()).isFalse();
    assertThat(spec.getTtl()).isEqualTo(GoDuration.ofHours(720));
    assertThat(spec.getTtl().toDuration()).hasDays(30);
    assertThat(spec.getVolumeGroupSnapshotLabelKey()).isEqualTo("velero.io/volume-group");
    assertThat(spec.getIncludeClusterResources()).isTrue();
    assertThat(spec.getStorageLocation()).isEqualTo("default");
    assertThat(spec.getVolumeSnapshotLocations()).containsExactly("aws-default", "csi");
    assertThat(spec.getDefaultVolumesToRestic()).isFalse();
    assertThat(spec.getDefaultVolumesToFsBackup()).isTrue();
    assertThat(spec.getOrderedResources())
        .containsEntry("pods", "shop/web-0,shop/web-1")
        .containsEntry("persistentvolumes", "pv-a,pv-b");
    assertThat(spec.getCsiSnapshotTimeout()).isEqualTo(GoDuration.ofMinutes(10));
    assertThat(spec.getItemOperationTimeout()).isEqualTo(GoDuration.ofHours(4));
    assertThat(spec.getResourcePolicy().getApiGroup()).isNull();
    assertThat(spec.getResourcePolicy().getKind()).isEqualTo("configmap");
    assertThat(spec.getResourcePolicy().getName()).isEqualTo("backup-policy");
    assertThat(spec.getSnapshotMoveData()).isTrue();
    assertThat(spec.getDataMover()).isEqualTo("velero");
    assertThat(spec.getUploaderConfig().getParallelFilesUpload()).isEqualTo(8);

    // hooks
    BackupResourceHookSpec hookSpec = spec.getHooks().getResources().get(0);
    assertThat(hookSpec.getName()).isEqualTo("freeze-db");
    assertThat(hookSpec.getIncludedNamespaces()).containsExactly("shop");
    assertThat(hookSpec.getExcludedNamespaces()).containsExactly("shop-test");
    assertThat(hookSpec.getIncludedResources()).containsExactly("pods");
    assertThat(hookSpec.getExcludedResources()).containsExactly("jobs.batch");
    assertThat(hookSpec.getLabelSelector().getMatchLabels()).containsEntry("app", "postgres");
    ExecHook pre = hookSpec.getPre().get(0).getExec();
    assertThat(pre.getContainer()).isEqualTo("postgres");
    assertThat(pre.getCommand())
        .containsExactly(
            "/bin/sh", "-c", "psql -c 'CHECKPOINT' && fsfreeze --freeze /var/lib/postgresql");
    assertThat(pre.getOnError()).isEqualTo(HookErrorMode.FAIL);
    assertThat(pre.getTimeout()).isEqualTo(GoDuration.ofSeconds(90));
    ExecHook post = hookSpec.getPost().get(0).getExec();
    assertThat(post.getContainer()).isNull();
    assertThat(post.getOnError()).isEqualTo(HookErrorMode.CONTINUE);
    assertThat(post.getTimeout().isZero()).isTrue();

    // status
    assertThat(status.getVersion()).isEqualTo(1);
    assertThat(status.getFormatVersion()).isEqualTo("1.1.0");
    assertThat(status.getExpiration()).isEqualTo(Instant.parse("2026-02-01T03:04:05Z"));
    assertThat(status.getPhase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(status.getQueuePosition()).isEqualTo(2);
    assertThat(status.getValidationErrors()).containsExactly("first problem", "second problem");
    assertThat(status.getStartTimestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:06Z"));
    assertThat(status.getCompletionTimestamp()).isEqualTo(Instant.parse("2026-01-02T03:09:41Z"));
    assertThat(status.getVolumeSnapshotsAttempted()).isEqualTo(3);
    assertThat(status.getVolumeSnapshotsCompleted()).isEqualTo(2);
    assertThat(status.getFailureReason()).isEqualTo("one volume could not be snapshotted");
    assertThat(status.getWarnings()).isEqualTo(4);
    assertThat(status.getErrors()).isEqualTo(1);
    assertThat(status.getProgress().getTotalItems()).isEqualTo(1500);
    assertThat(status.getProgress().getItemsBackedUp()).isEqualTo(1499);
    assertThat(status.getCsiVolumeSnapshotsAttempted()).isEqualTo(5);
    assertThat(status.getCsiVolumeSnapshotsCompleted()).isEqualTo(5);
    assertThat(status.getBackupItemOperationsAttempted()).isEqualTo(6);
    assertThat(status.getBackupItemOperationsCompleted()).isEqualTo(5);
    assertThat(status.getBackupItemOperationsFailed()).isEqualTo(1);
    assertThat(status.getHookStatus().getHooksAttempted()).isEqualTo(2);
    assertThat(status.getHookStatus().getHooksFailed()).isEqualTo(1);
  }

  @Test
  void onlyTheFieldsTheModelDoesNotKnowAreKeptAsUnknown() {
    // Catches a misspelt property: it would land here instead of in its typed field.
    Backup backup = VeleroJson.readBackup(resource("backup-full.json"));
    BackupSpec spec = backup.getSpec();
    BackupResourceHookSpec hookSpec = spec.getHooks().getResources().get(0);

    assertThat(backup.getUnknownFields()).containsOnlyKeys("futureTopLevelField");
    assertThat(backup.getMetadata().getUnknownFields()).containsOnlyKeys("selfLink");
    assertThat(spec.getUnknownFields()).containsOnlyKeys("futureSpecField");
    assertThat(backup.getStatus().getUnknownFields()).containsOnlyKeys("futureStatusField");
    assertThat(hookSpec.getPre().get(0).getExec().getUnknownFields())
        .containsOnlyKeys("futureExecField");
    assertThat(hookSpec.getPre().get(0).getExec().getUnknownFields().get("futureExecField"))
        .isEqualTo(VeleroJson.mapper().readTree("{\"retries\":2}"));
    for (ExtensibleObject known :
        List.of(
            spec.getMetadata(),
            spec.getLabelSelector(),
            spec.getLabelSelector().getMatchExpressions().get(0),
            spec.getHooks(),
            hookSpec,
            hookSpec.getPre().get(0),
            hookSpec.getPost().get(0).getExec(),
            spec.getResourcePolicy(),
            spec.getUploaderConfig(),
            backup.getStatus().getProgress(),
            backup.getStatus().getHookStatus(),
            backup.getMetadata().getOwnerReferences().get(0))) {
      assertThat(known.getUnknownFields()).as(known.getClass().getSimpleName()).isEmpty();
    }
  }

  @Test
  void unknownFieldsSurviveAModificationInPlace() {
    Backup backup = VeleroJson.readBackup(resource("backup-full.json"));
    backup.getStatus().setPhase(BackupPhase.PARTIALLY_FAILED);
    backup.getSpec().getHooks().getResources().get(0).getPre().get(0).getExec().setContainer("db");

    JsonNode tree = VeleroJson.mapper().readTree(VeleroJson.writeBackupPretty(backup));

    assertThat(tree.at("/status/phase").asString()).isEqualTo("PartiallyFailed");
    assertThat(tree.at("/status/futureStatusField").asInt()).isEqualTo(42);
    assertThat(tree.at("/spec/futureSpecField").asString()).isEqualTo("from-velero-2.0");
    assertThat(tree.at("/metadata/selfLink").asString()).startsWith("/apis/velero.io/v1/");
    assertThat(tree.at("/futureTopLevelField/nested/1").asInt()).isEqualTo(2);
    JsonNode exec = tree.at("/spec/hooks/resources/0/pre/0/exec");
    assertThat(exec.get("container").asString()).isEqualTo("db");
    assertThat(exec.at("/futureExecField/retries").asInt()).isEqualTo(2);
  }

  @Test
  void unknownEmptyAndNullValuesAreKeptToo() {
    String json =
        "{\"kind\":\"Backup\",\"apiVersion\":\"velero.io/v1\",\"metadata\":{\"name\":\"b\","
            + "\"x\":{}},\"spec\":{\"a\":null,\"b\":\"\",\"c\":[],\"d\":0,\"e\":false,"
            + "\"metadata\":{},\"ttl\":\"0s\",\"hooks\":{},\"csiSnapshotTimeout\":\"0s\","
            + "\"itemOperationTimeout\":\"0s\"},\"status\":{\"f\":{}}}";

    Backup backup = VeleroJson.readBackup(json);

    assertThat(VeleroJson.toTree(backup)).isEqualTo(VeleroJson.mapper().readTree(json));
  }

  @Test
  void aFreshBackupIsWrittenInVelerosMinimalForm() {
    Backup backup = new Backup();
    backup.getMetadata().setName("b1");

    assertThat(new String(VeleroJson.writeCompact(backup), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"kind\":\"Backup\",\"apiVersion\":\"velero.io/v1\",\"metadata\":{\"name\":\"b1\"},"
                + "\"spec\":{\"metadata\":{},\"ttl\":\"0s\",\"hooks\":{},"
                + "\"csiSnapshotTimeout\":\"0s\",\"itemOperationTimeout\":\"0s\"},"
                + "\"status\":{}}");
  }

  @Test
  void prettyOutputIsGoMarshalIndentWithoutTrailingNewline() {
    Backup backup = new Backup();
    backup.getMetadata().setName("b1");
    backup.getMetadata().setNamespace("velero");
    backup.getSpec().setIncludedNamespaces(List.of("*"));
    backup.getSpec().setTtl(GoDuration.ofHours(720));
    backup.getStatus().setPhase(BackupPhase.NEW);

    String json = pretty(backup);

    assertThat(json)
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"kind\": \"Backup\",",
                "  \"apiVersion\": \"velero.io/v1\",",
                "  \"metadata\": {",
                "    \"name\": \"b1\",",
                "    \"namespace\": \"velero\"",
                "  },",
                "  \"spec\": {",
                "    \"metadata\": {},",
                "    \"includedNamespaces\": [",
                "      \"*\"",
                "    ],",
                "    \"ttl\": \"720h0m0s\",",
                "    \"hooks\": {},",
                "    \"csiSnapshotTimeout\": \"0s\",",
                "    \"itemOperationTimeout\": \"0s\"",
                "  },",
                "  \"status\": {",
                "    \"phase\": \"New\"",
                "  }",
                "}"));
    assertThat(json).startsWith("{\n  \"kind\": \"Backup\",\n  \"apiVersion\": \"velero.io/v1\",");
    assertThat(json).doesNotEndWith("\n");
  }

  @Test
  void zeroValuesAreOmittedButSetPointersAreWritten() {
    Backup backup = new Backup();
    backup.getMetadata().setName("b1");
    BackupSpec spec = backup.getSpec();
    spec.setSnapshotVolumes(false);
    spec.setStorageLocation("");
    spec.setLabelSelector(new LabelSelector());
    BackupStatus status = backup.getStatus();
    status.setWarnings(0);
    status.setProgress(new BackupProgress());
    status.setHookStatus(new HookStatus(0, 0));

    JsonNode tree = VeleroJson.toTree(backup);

    assertThat(tree.at("/spec/snapshotVolumes").isBoolean()).isTrue();
    assertThat(tree.at("/spec/snapshotVolumes").asBoolean()).isFalse();
    assertThat(tree.at("/spec/labelSelector").isObject()).isTrue();
    assertThat(tree.at("/spec/labelSelector").size()).isZero();
    assertThat(tree.get("spec").has("storageLocation")).isFalse();
    assertThat(tree.get("spec").has("includedNamespaces")).isFalse();
    assertThat(tree.get("spec").has("orderedResources")).isFalse();
    assertThat(tree.get("spec").has("includeClusterResources")).isFalse();
    assertThat(tree.get("status").has("warnings")).isFalse();
    assertThat(tree.get("status").has("phase")).isFalse();
    assertThat(tree.get("status").has("expiration")).isFalse();
    assertThat(tree.at("/status/progress").size()).isZero();
    assertThat(tree.at("/status/hookStatus").size()).isZero();
  }

  @Test
  void goStructFieldsWithoutOmitemptyAreAlwaysWritten() {
    BackupResourceHookSpec hookSpec = new BackupResourceHookSpec();
    hookSpec.getPre().add(new BackupResourceHook());
    hookSpec.getPost().add(new BackupResourceHook(new ExecHook()));

    assertThat(new String(VeleroJson.writeCompact(hookSpec), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\":\"\",\"pre\":[{\"exec\":null}],"
                + "\"post\":[{\"exec\":{\"command\":[],\"timeout\":\"0s\"}}]}");
    assertThat(
            new String(
                VeleroJson.writeCompact(new TypedLocalObjectReference(null, "ConfigMap", "p")),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"apiGroup\":null,\"kind\":\"ConfigMap\",\"name\":\"p\"}");
  }

  @Test
  void hookTimeoutsAreGoDurations() {
    ExecHook hook = new ExecHook();
    hook.setTimeout(GoDuration.ofSeconds(90));

    String json = new String(VeleroJson.writeCompact(hook), StandardCharsets.UTF_8);
    ExecHook read = VeleroJson.mapper().readValue("{\"timeout\":\"2h45m\"}", ExecHook.class);

    assertThat(json).isEqualTo("{\"command\":[],\"timeout\":\"1m30s\"}");
    assertThat(read.getTimeout()).isEqualTo(GoDuration.ofMinutes(165));
  }

  @Test
  void mapKeysAreWrittenSorted() {
    Backup backup = new Backup();
    backup.getMetadata().getLabels().put("zeta", "1");
    backup.getMetadata().getLabels().put("alpha", "2");

    assertThat(new String(VeleroJson.writeCompact(backup.getMetadata()), StandardCharsets.UTF_8))
        .isEqualTo("{\"labels\":{\"alpha\":\"2\",\"zeta\":\"1\"}}");
  }

  @Test
  void stringsAreEscapedAsGoEscapesThem() {
    ObjectMeta meta = new ObjectMeta();
    meta.getAnnotations().put("a", "<b> & \"c\" \\ \n\t\u0001 \u2028 é");

    String json = new String(VeleroJson.writeCompact(meta), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"annotations\":{\"a\":\"\\u003cb\\u003e \\u0026 \\\"c\\\" \\\\ \\n\\t\\u0001"
                + " \\u2028 é\"}}");
    assertThat(VeleroJson.mapper().readValue(json, ObjectMeta.class).getAnnotations())
        .isEqualTo(meta.getAnnotations());
  }

  @Test
  void timesAreWrittenInUtcToTheSecondAndReadLeniently() {
    Backup backup =
        VeleroJson.readBackup(
            "{\"metadata\":{\"creationTimestamp\":\"2026-01-02T03:04:05.987654321Z\"},"
                + "\"status\":{\"startTimestamp\":\"2026-01-02T05:04:05+02:00\","
                + "\"completionTimestamp\":\"2026-01-02t03:04:05.5z\",\"expiration\":\"\"}}");

    assertThat(backup.getMetadata().getCreationTimestamp())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.987654321Z"));
    assertThat(backup.getStatus().getStartTimestamp())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(backup.getStatus().getCompletionTimestamp())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.5Z"));
    assertThat(backup.getStatus().getExpiration()).isNull();

    JsonNode tree = VeleroJson.toTree(backup);
    assertThat(tree.at("/metadata/creationTimestamp").asString()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(tree.at("/status/startTimestamp").asString()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(tree.get("status").has("expiration")).isFalse();
    assertThat(VeleroJson.formatTime(Instant.parse("1999-12-31T23:59:59.999Z")))
        .isEqualTo("1999-12-31T23:59:59Z");
  }

  @Test
  void aBadTimeFailsWithAClearMessage() {
    assertThatThrownBy(
            () -> VeleroJson.readBackup("{\"status\":{\"startTimestamp\":\"yesterday\"}}"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("invalid Backup JSON")
        .hasMessageContaining("yesterday")
        .hasMessageContaining("startTimestamp");
  }

  @Test
  void anEmptyOrMissingPhaseReadsAsNullAndMeansNew() {
    Backup empty = VeleroJson.readBackup("{\"status\":{\"phase\":\"\"}}");
    Backup missing = VeleroJson.readBackup("{\"metadata\":{\"name\":\"b\"}}");

    assertThat(empty.getStatus().getPhase()).isNull();
    assertThat(empty.getStatus().phaseOrNew()).isEqualTo(BackupPhase.NEW);
    assertThat(missing.getStatus().getPhase()).isNull();
    assertThat(missing.getStatus().phaseOrNew()).isEqualTo(BackupPhase.NEW);
    assertThat(VeleroJson.toTree(empty).get("status").has("phase")).isFalse();
  }

  @Test
  void anUnknownPhaseOrABadDurationFailsTheRead() {
    assertThatThrownBy(() -> VeleroJson.readBackup("{\"status\":{\"phase\":\"Exploded\"}}"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("unknown backup phase \"Exploded\"")
        .satisfies(
            e ->
                assertThat(((BackupException) e).errorCode())
                    .isEqualTo(StandardErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> VeleroJson.readBackup("{\"spec\":{\"ttl\":\"30 days\"}}"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("30 days")
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> VeleroJson.readBackup("{\"spec\": "))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("invalid Backup JSON");
  }

  @Test
  void missingKindAndApiVersionAreFilledIn() {
    Backup backup = VeleroJson.readBackup("{\"metadata\":{\"name\":\"b\"}}");

    assertThat(pretty(backup))
        .startsWith("{\n  \"kind\": \"Backup\",\n  \"apiVersion\": \"velero.io/v1\",");
  }

  @Test
  void nullSubObjectsAreReplacedByEmptyOnes() {
    Backup backup = VeleroJson.readBackup("{\"metadata\":null,\"spec\":null,\"status\":null}");
    backup.getSpec().setHooks(null);
    backup.getSpec().setTtl(null);
    backup.getSpec().setIncludedNamespaces(null);

    assertThat(backup.getMetadata()).isNotNull();
    assertThat(backup.getSpec().getHooks()).isNotNull();
    assertThat(backup.getSpec().getTtl()).isEqualTo(GoDuration.ZERO);
    assertThat(backup.getSpec().getIncludedNamespaces()).isEmpty();
    assertThat(backup.getStatus()).isNotNull();
  }

  @Test
  void anotherJackson3MapperWritesTheSameValues() {
    // Times, durations, inclusion and unknown fields are carried by the model's annotations.
    Backup backup = VeleroJson.readBackup(resource("backup-full.json"));
    JsonMapper plain = JsonMapper.builder().build();

    JsonNode tree = plain.readTree(plain.writeValueAsString(backup));

    assertThat(tree).isEqualTo(VeleroJson.mapper().readTree(VeleroJson.writeCompact(backup)));
    assertThat(plain.readValue(resource("backup-full.json"), Backup.class).getSpec().getTtl())
        .isEqualTo(GoDuration.ofHours(720));
  }

  @Test
  void generationZeroIsOmittedLikeGoOmitsIt() {
    ObjectMeta meta = new ObjectMeta();
    meta.setGeneration(0L);
    meta.setDeletionGracePeriodSeconds(0L);

    assertThat(new String(VeleroJson.writeCompact(meta), StandardCharsets.UTF_8))
        .isEqualTo("{\"deletionGracePeriodSeconds\":0}");
  }

  @Test
  void deepCopyIsEqualAndIndependent() {
    Backup original = VeleroJson.readBackup(resource("backup-full.json"));

    Backup copy = VeleroJson.deepCopy(original);
    copy.getMetadata().getLabels().put("copied", "yes");
    copy.getSpec().getHooks().getResources().get(0).getPre().get(0).getExec().getCommand().clear();
    copy.getSpec().getUnknownFields().clear();

    assertThat(original.getMetadata().getLabels()).doesNotContainKey("copied");
    assertThat(
            original
                .getSpec()
                .getHooks()
                .getResources()
                .get(0)
                .getPre()
                .get(0)
                .getExec()
                .getCommand())
        .hasSize(3);
    assertThat(original.getSpec().getUnknownFields()).containsKey("futureSpecField");
    assertThat(VeleroJson.toTree(VeleroJson.deepCopy(original)))
        .isEqualTo(VeleroJson.toTree(original));
  }
}
