package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKubernetesTest {

  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    k8s = new EmbeddedKubernetes().start();
    client = k8s.client();
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  @BeforeEach
  void emptyStore() {
    k8s.reset();
  }

  @Test
  void servesPlainHttpOnLoopbackWithDefaultNamespaces() {
    assertThat(k8s.url()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(client.getMasterUrl().toString()).startsWith(k8s.url());
    assertThat(client.namespaces().list().getItems())
        .extracting(ns -> ns.getMetadata().getName())
        .containsExactly("default", "kube-system");
    assertThat(client.getHttpClient().getClass().getSimpleName()).contains("Jdk");
  }

  @Test
  void defaultNamespacesCanBeTurnedOff() {
    try (EmbeddedKubernetes bare =
        EmbeddedKubernetes.builder().defaultNamespaces(false).build().start()) {
      assertThat(bare.client().namespaces().list().getItems()).isEmpty();
    }
  }

  @Test
  void seedingFillsServerOwnedMetadataWithoutTouchingTheObject() {
    ConfigMap original = Fixtures.configMap("app", "settings", Map.of("tier", "web"));
    long before = latestResourceVersion();

    k8s.seed(original);
    ConfigMap stored = client.configMaps().inNamespace("app").withName("settings").get();

    assertThat(original.getMetadata().getUid()).isNull();
    assertThat(stored.getMetadata().getUid()).isNotBlank();
    assertThat(stored.getMetadata().getCreationTimestamp()).isNotBlank();
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(Long.parseLong(stored.getMetadata().getResourceVersion())).isGreaterThan(before);
    assertThat(stored.getData()).containsEntry("key", "value of settings");
    assertThat(client.configMaps().inNamespace("app").withLabel("tier", "web").list().getItems())
        .hasSize(1);
  }

  @Test
  void seedingAgainReplacesTheObjectEvenWithOtherLabelsAndAfterHttpWrites() {
    client
        .configMaps()
        .inNamespace("app")
        .resource(Fixtures.configMap("app", "c", Map.of("v", "1")))
        .create();

    k8s.seed(Fixtures.configMap("app", "c", Map.of("v", "2")));
    k8s.seed(Fixtures.configMap("app", "c", Map.of("v", "3")));

    assertThat(client.configMaps().inNamespace("app").list().getItems())
        .singleElement()
        .satisfies(cm -> assertThat(cm.getMetadata().getLabels()).containsEntry("v", "3"));
  }

  @Test
  void seedingPlacesObjectsByScope() {
    ConfigMap noNamespace = Fixtures.configMap(null, "orphan", Map.of());
    k8s.seed(
        noNamespace,
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName("pv-1")
            .withNamespace("ignored")
            .endMetadata()
            .build());

    assertThat(client.configMaps().inNamespace("default").withName("orphan").get()).isNotNull();
    assertThat(client.persistentVolumes().withName("pv-1").get().getMetadata().getNamespace())
        .isNull();
  }

  @Test
  void seededCustomResourcesAreServedOnceTheirCrdIsSeeded() {
    k8s.seed(
        Fixtures.crd("backups", "Backup", "Namespaced"),
        Fixtures.backup("velero", "daily"),
        Fixtures.backup("velero", "weekly"));

    assertThat(
            client
                .genericKubernetesResources("velero.io/v1", "Backup")
                .inNamespace("velero")
                .list()
                .getItems())
        .extracting(b -> b.getMetadata().getName())
        .containsExactly("daily", "weekly");
    GenericKubernetesResource daily =
        client
            .genericKubernetesResources("velero.io/v1", "Backup")
            .inNamespace("velero")
            .withName("daily")
            .get();
    assertThat(daily.getAdditionalProperties()).containsKey("spec");
  }

  @Test
  void pagesAfterAWriteSeeTheNewState() {
    k8s.seed(
        Fixtures.configMap("p", "a", Map.of()),
        Fixtures.configMap("p", "b", Map.of()),
        Fixtures.configMap("p", "d", Map.of()));
    ConfigMapList first =
        client.configMaps().inNamespace("p").list(new ListOptionsBuilder().withLimit(2L).build());

    client.configMaps().inNamespace("p").resource(Fixtures.configMap("p", "c", Map.of())).create();
    client.configMaps().inNamespace("p").withName("d").delete();
    ConfigMapList rest =
        client
            .configMaps()
            .inNamespace("p")
            .list(
                new ListOptionsBuilder()
                    .withLimit(2L)
                    .withContinue(first.getMetadata().getContinue())
                    .build());

    assertThat(first.getItems())
        .extracting(cm -> cm.getMetadata().getName())
        .containsExactly("a", "b");
    assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(1L);
    assertThat(rest.getItems()).extracting(cm -> cm.getMetadata().getName()).containsExactly("c");
  }

  @Test
  void objectsWithoutIdentityAreRejected() {
    ConfigMap nameless = Fixtures.configMap("app", null, Map.of());

    assertThatThrownBy(() -> k8s.seed(nameless))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void httpWritesStillNotifyWatchers() throws Exception {
    CountDownLatch added = new CountDownLatch(1);
    try (Watch watch =
        client
            .namespaces()
            .watch(
                new Watcher<Namespace>() {
                  @Override
                  public void eventReceived(Action action, Namespace resource) {
                    if (action == Action.ADDED && resource.getMetadata().getName().equals("new")) {
                      added.countDown();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      client.namespaces().resource(namespace("new")).create();
      assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void kubeconfigIsOwnerOnlyAndNamesTheServer(@TempDir Path dir) throws Exception {
    Path file = k8s.writeKubeconfig(dir.resolve("sub/kubeconfig"));

    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("server: \"" + k8s.url() + "\"")
        .contains("current-context: \"stowage-embedded\"")
        .contains("token: \"" + KubeconfigWriter.DEFAULT_TOKEN + "\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void lifecycleMisuseIsReported() {
    EmbeddedKubernetes notStarted = new EmbeddedKubernetes();
    assertThatThrownBy(notStarted::url).hasMessageContaining("start()");
    notStarted.close();
    notStarted.close();
    assertThatThrownBy(notStarted::start).hasMessageContaining("closed");
    assertThatThrownBy(k8s::start).hasMessageContaining("already");
    assertThatThrownBy(() -> EmbeddedKubernetes.builder().gitVersion("latest").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Namespace namespace(String name) {
    Namespace ns = new Namespace();
    ns.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    ns.getMetadata().setName(name);
    return ns;
  }

  private static long latestResourceVersion() {
    return Long.parseLong(
        client.configMaps().inAnyNamespace().list().getMetadata().getResourceVersion());
  }
}
