package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The command line end to end, in process, against an embedded API server. */
class BackupCommandsTest {
  private static EmbeddedKubernetes k8s;
  private static Path kubeconfig;

  @TempDir Path tmp;

  @BeforeAll
  static void startCluster(@TempDir Path dir) {
    k8s = new EmbeddedKubernetes().start();
    for (String namespace : List.of("shop", "other")) {
      k8s.seed(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
      for (int i = 0; i < 3; i++) {
        k8s.seed(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cm-" + i)
                .withNamespace(namespace)
                .addToLabels("app", i == 0 ? "web" : "db")
                .endMetadata()
                .addToData("k", "v" + i)
                .build());
      }
    }
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));
  }

  @AfterAll
  static void stopCluster() {
    k8s.close();
  }

  @Test
  void createFromYamlManifestWritesVeleroLayout() throws IOException {
    Path manifest =
        write(
            "nightly.yaml",
            """
            apiVersion: velero.io/v1
            kind: Backup
            metadata:
              name: nightly
              namespace: velero
            spec:
              includedNamespaces: [shop]
              ttl: 24h0m0s
            """);
    Path store = tmp.resolve("store");

    Cli.Result result = create("--from-file", manifest.toString(), "--store", "file://" + store);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lastOutLine()).isEqualTo("Phase: Completed");
    assertThat(result.outLines())
        .anyMatch(l -> l.matches("\\S+Z Backup nightly: \\d+/\\d+ items, \\d+s"));
    Path dir = store.resolve("backups/nightly");
    for (String file :
        List.of(
            "velero-backup.json",
            "nightly.tar.gz",
            "nightly-logs.gz",
            "nightly-resource-list.json.gz",
            "nightly-results.gz",
            "nightly-volumesnapshots.json.gz")) {
      assertThat(dir.resolve(file)).isRegularFile();
    }
    Backup written = VeleroJson.readBackup(Files.readAllBytes(dir.resolve("velero-backup.json")));
    assertThat(written.getStatus().getPhase().value()).isEqualTo("Completed");
    assertThat(written.getSpec().getTtl().toString()).isEqualTo("24h0m0s");
    assertThat(written.getSpec().getStorageLocation()).isEqualTo("default");
  }

  @Test
  void missingStorageLocationFailsValidationAndWritesNothing() throws IOException {
    Path manifest =
        write(
            "elsewhere.yaml",
            """
            apiVersion: velero.io/v1
            kind: Backup
            metadata:
              name: lost
            spec:
              storageLocation: elsewhere
            """);
    Path store = tmp.resolve("store");

    Cli.Result result = create("--from-file", manifest.toString(), "--store", "file://" + store);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "an existing backup storage location was not specified at backup creation time and"
                + " the default elsewhere was not found");
    assertThat(result.lastOutLine()).isEqualTo("Phase: FailedValidation");
    assertThat(store.resolve("backups")).doesNotExist();
  }

  @Test
  void existingBackupIsNotOverwritten() throws IOException {
    String store = "file://" + tmp.resolve("store");
    assertThat(create("twice", "--include-namespaces", "shop", "--store", store).exitCode())
        .isZero();
    Path metadata = tmp.resolve("store/backups/twice/velero-backup.json");
    byte[] before = Files.readAllBytes(metadata);

    Cli.Result again = create("twice", "--include-namespaces", "other", "--store", store);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");
    assertThat(again.lastOutLine()).isEqualTo("Phase: Failed");
    assertThat(Files.readAllBytes(metadata)).isEqualTo(before);
  }

  @Test
  void veleroStyleFlagsSelectNamespaces() throws IOException {
    Cli.Result result =
        create(
            "shop-only",
            "--include-namespaces",
            "shop",
            "--store",
            "file://" + tmp.resolve("store"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> items = resourceListItems(tmp.resolve("store/backups/shop-only"), "shop-only");
    assertThat(items).contains("shop/cm-0", "shop/cm-1", "shop/cm-2", "shop");
    assertThat(items).noneMatch(item -> item.startsWith("other"));
  }

  @Test
  void flagsAndNameOverrideTheManifest() throws IOException {
    Path manifest =
        write(
            "base.json",
            """
            {"apiVersion": "velero.io/v1", "kind": "Backup",
             "metadata": {"name": "from-file", "labels": {"team": "a"}},
             "spec": {"includedNamespaces": ["other"], "ttl": "24h0m0s"}}
            """);

    Cli.Result result =
        create(
            "overridden",
            "--from-file",
            manifest.toString(),
            "--include-namespaces=shop",
            "--ttl",
            "1h0m0s",
            "--or-selector",
            "app=web or app=cache",
            "--labels",
            "team=b,tier=gold",
            "--ordered-resources",
            "configmaps=shop/cm-0",
            "--include-cluster-resources=false",
            "--snapshot-volumes=false",
            "--csi-snapshot-timeout",
            "2m30s",
            "--store",
            "file://" + tmp.resolve("store"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    Backup written =
        VeleroJson.readBackup(
            Files.readAllBytes(tmp.resolve("store/backups/overridden/velero-backup.json")));
    assertThat(written.getMetadata().getName()).isEqualTo("overridden");
    assertThat(written.getMetadata().getLabels())
        .containsEntry("team", "b")
        .containsEntry("tier", "gold");
    assertThat(written.getSpec().getIncludedNamespaces()).containsExactly("shop");
    assertThat(written.getSpec().getTtl().toString()).isEqualTo("1h0m0s");
    assertThat(written.getSpec().getOrLabelSelectors()).hasSize(2);
    assertThat(written.getSpec().getOrderedResources()).containsEntry("configmaps", "shop/cm-0");
    assertThat(written.getSpec().getIncludeClusterResources()).isFalse();
    assertThat(written.getSpec().getSnapshotVolumes()).isFalse();
    assertThat(written.getSpec().getCsiSnapshotTimeout().toString()).isEqualTo("2m30s");
    assertThat(resourceListItems(tmp.resolve("store/backups/overridden"), "overridden"))
        .contains("shop/cm-0")
        .doesNotContain("shop/cm-1", "shop/cm-2");
  }

  @Test
  void readCommandsNeedOnlyTheStore() throws IOException {
    String store = "file://" + tmp.resolve("store");
    assertThat(create("readme", "--include-namespaces", "shop", "--store", store).exitCode())
        .isZero();

    Cli.Result get = Cli.run("backup", "get", "--store", store);
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.outLines().get(0))
        .startsWith("NAME")
        .contains("STATUS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES", "STORAGE LOCATION");
    assertThat(get.outLines().get(1)).startsWith("readme").contains("Completed", "default");
    assertThat(Cli.run("backup", "list", "--store", store).out()).isEqualTo(get.out());

    Cli.Result describe = Cli.run("backup", "describe", "readme", "--details", "--store", store);
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out())
        .contains("Name:", "readme", "Phase:  Completed", "Included:  shop", "Resource List:")
        .contains("v1/ConfigMap:", "- shop/cm-0")
        .contains("Warnings:", "Errors:");

    Cli.Result logs = Cli.run("backup", "logs", "readme", "--store", store);
    assertThat(logs.exitCode()).as(logs.err()).isZero();
    assertThat(logs.out()).contains("level=info").contains("backup=velero/readme");

    Cli.Result missing = Cli.run("backup", "describe", "nope", "--store", store);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("backup nope not found");
  }

  @Test
  void waitIsAcceptedAndTheBackupRunsToItsEnd() throws IOException {
    Cli.Result result =
        create(
            "waited",
            "--wait",
            "--include-namespaces",
            "shop",
            "--store",
            "file://" + tmp.resolve("store"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lastOutLine()).isEqualTo("Phase: Completed");
    assertThat(tmp.resolve("store/backups/waited/velero-backup.json")).isRegularFile();
  }

  @Test
  void downloadStreamsTheTarballAndReplacesAFileOnlyWithForce() throws IOException {
    Path storeDir = tmp.resolve("store");
    String store = "file://" + storeDir;
    assertThat(create("fetched", "--include-namespaces", "shop", "--store", store).exitCode())
        .isZero();
    byte[] tarball = Files.readAllBytes(storeDir.resolve("backups/fetched/fetched.tar.gz"));
    Path output = tmp.resolve("out/fetched.tgz");
    Files.createDirectories(output.getParent());

    Cli.Result download =
        Cli.run("backup", "download", "fetched", "-o", output.toString(), "--store", store);

    assertThat(download.exitCode()).as(download.err()).isZero();
    assertThat(download.outLines())
        .containsExactly("Backup fetched has been successfully downloaded to " + output);
    assertThat(output).hasBinaryContent(tarball);
    assertThat(Files.getPosixFilePermissions(output))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Files.writeString(output, "mine");
    Cli.Result refused =
        Cli.run("backup", "download", "fetched", "--output", output.toString(), "--store", store);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .contains(output.toString(), "--force");
    assertThat(output).hasContent("mine");

    Cli.Result forced =
        Cli.run(
            "backup", "download", "fetched", "-o", output.toString(), "--force", "--store", store);
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(output).hasBinaryContent(tarball);
    try (var left = Files.list(output.getParent())) {
      assertThat(left).as("no temporary file left behind").containsExactly(output);
    }

    Cli.Result missing =
        Cli.run(
            "backup",
            "download",
            "nope",
            "-o",
            tmp.resolve("nope.tgz").toString(),
            "--store",
            store);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("backup nope not found");
    assertThat(tmp.resolve("nope.tgz")).doesNotExist();
  }

  @Test
  void usageErrorsExit64WithOneLine() {
    Cli.Result unknown = Cli.run("backup", "create", "x", "--bogus", "--store", "file:///tmp/x");
    assertThat(unknown.exitCode()).isEqualTo(64);
    assertThat(unknown.errLines()).hasSize(1);
    assertThat(unknown.err()).contains("--bogus");
    assertThat(unknown.out()).isEmpty();

    Cli.Result scheme = Cli.run("backup", "get", "--store", "gs://bucket");
    assertThat(scheme.exitCode()).isEqualTo(64);
    assertThat(scheme.errLines()).hasSize(1);
    assertThat(scheme.err()).contains("file://", "s3://");

    Cli.Result noName = Cli.run("backup", "create", "--store", "file:///tmp/x");
    assertThat(noName.exitCode()).isEqualTo(64);
    assertThat(noName.err()).contains("needs a name");

    Cli.Result badTtl = Cli.run("backup", "create", "x", "--ttl", "soon");
    assertThat(badTtl.exitCode()).isEqualTo(64);
    assertThat(badTtl.errLines()).hasSize(1);
  }

  @Test
  void versionAndHelp() {
    Cli.Result version = Cli.run("version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("Stowage: ").contains("Velero backup format version: 1.1.0");

    Cli.Result help = Cli.run("backup", "create", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--include-namespaces", "--or-selector", "--page-size");
  }

  private Cli.Result create(String... args) {
    List<String> all = new ArrayList<>(List.of("backup", "create"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> resourceListItems(Path dir, String name) throws IOException {
    List<String> items = new ArrayList<>();
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(dir.resolve(name + "-resource-list.json.gz")))) {
      JsonNode list = VeleroJson.mapper().readTree(in);
      list.forEach(type -> type.forEach(item -> items.add(item.asString())));
    }
    return items;
  }
}
