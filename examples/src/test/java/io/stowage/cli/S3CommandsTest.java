package io.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.stowage.store.s3.EmbeddedS3;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a real S3-compatible server (S3Proxy, started here with signature
 * checking on): back up a cluster served by the testkit into a bucket, read it back, self-test.
 */
class S3CommandsTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();

  private static EmbeddedKubernetes k8s;
  private static Path kubeconfig;

  @BeforeAll
  static void startCluster(@TempDir Path dir) {
    k8s = new EmbeddedKubernetes().start();
    k8s.seed(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
    for (int i = 0; i < 5; i++) {
      k8s.seed(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("cm-" + i)
              .withNamespace("shop")
              .endMetadata()
              .addToData("k", "v" + i)
              .build());
    }
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));
  }

  @AfterAll
  static void stopCluster() {
    k8s.close();
  }

  @Test
  void backsUpIntoS3AndReadsItBack() {
    String store = storeUri(S3.newBucket("cli"));

    Cli.Result created =
        Cli.run(
            "backup",
            "create",
            "shop-daily",
            "--include-namespaces",
            "shop",
            "--kubeconfig",
            kubeconfig.toString(),
            "--store",
            store);

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.lastOutLine()).isEqualTo("Phase: Completed");

    Cli.Result listed = Cli.run("backup", "get", "--store", store);
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("shop-daily").contains("Completed");

    Cli.Result described =
        Cli.run("backup", "describe", "shop-daily", "--details", "--store", store);
    assertThat(described.exitCode()).as(described.err()).isZero();
    assertThat(described.out()).contains("shop-daily").contains("Completed").contains("shop/cm-4");

    Cli.Result logs = Cli.run("backup", "logs", "shop-daily", "--store", store);
    assertThat(logs.out()).contains("level=info");
  }

  @Test
  void storeCheckPassesAgainstS3Proxy() {
    Cli.Result check = Cli.run("store", "check", "--store", storeUri(S3.newBucket("check")));

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }

  @Test
  void storeCheckNamesTheFailingStepWithWrongCredentials() {
    Path wrong = EmbeddedS3.writeCredentials(EmbeddedS3.ACCESS_KEY, "not-the-secret");
    String store =
        "s3://"
            + S3.newBucket("wrong")
            + "?region=us-east-1&s3ForcePathStyle=true&s3Url="
            + S3.endpoint()
            + "&credentialsFile="
            + wrong;

    Cli.Result check = Cli.run("store", "check", "--store", store);

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out() + check.err()).containsIgnoringCase("credentials");
  }

  private static String storeUri(String bucket) {
    return "s3://"
        + bucket
        + "/team-a?region=us-east-1&s3ForcePathStyle=true&s3Url="
        + S3.endpoint()
        + "&credentialsFile="
        + S3.credentialsFile();
  }
}
