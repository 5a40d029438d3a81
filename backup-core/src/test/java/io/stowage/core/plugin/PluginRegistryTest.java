package io.stowage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginProvider;
import io.stowage.core.plugin.TestPluginJar.Spec;
import io.stowage.testkit.snapshot.RecordingVolumeSnapshotterProvider;
import io.stowage.testkit.store.InMemoryObjectBackupStoreProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every test here discovers providers through ServiceLoader from jars compiled at test time. */
class PluginRegistryTest {
  /** backup-core's own actions (io.stowage.core.actions), always on the class path. */
  private static final List<String> BUILTIN_ACTIONS =
      List.of("velero.io/pod", "velero.io/pv", "velero.io/service-account");

  /** backup-testkit's providers, on the test class path. */
  private static final List<String> TESTKIT_PROVIDERS =
      List.of(InMemoryObjectBackupStoreProvider.NAME, RecordingVolumeSnapshotterProvider.NAME);

  private static List<String> withBuiltins(String... names) {
    List<String> all = new java.util.ArrayList<>(BUILTIN_ACTIONS);
    all.addAll(List.of(names));
    return all;
  }

  @TempDir Path temp;

  private Path plugins() throws IOException {
    return Files.createDirectories(temp.resolve("plugins"));
  }

  @Test
  void findsAProviderFromAPluginJarByNameAndAlias() throws IOException {
    Path jar =
        new TestPluginJar()
            .provider(
                PluginKind.OBJECT_STORE,
                "MemoryStore",
                Spec.named("jar-memory", "velero.io/jar-memory"))
            .writeTo(plugins().resolve("memory-store.jar"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);

      ObjectBackupStoreProvider byName = registry.storeOrThrow("jar-memory");
      assertThat(byName.getClass().getName()).isEqualTo("test.plugins.MemoryStore");
      assertThat(byName.getClass().getClassLoader()).isSameAs(loader);
      assertThat(registry.store("velero.io/jar-memory")).containsSame(byName);
      assertThat(jarStoreNames(registry)).containsExactly("jar-memory", "velero.io/jar-memory");
      assertThat(registry.problems()).isEmpty();
      assertThat(registry.providers())
          .filteredOn(d -> !TESTKIT_PROVIDERS.contains(d.name()))
          .filteredOn(d -> !BUILTIN_ACTIONS.contains(d.name()))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(PluginKind.OBJECT_STORE);
                assertThat(d.name()).isEqualTo("jar-memory");
                assertThat(d.aliases()).containsExactly("velero.io/jar-memory");
                assertThat(d.origin().className()).isEqualTo("test.plugins.MemoryStore");
                assertThat(d.origin().location()).isEqualTo(jar.toString());
                assertThat(d.usable()).isTrue();
              });
      assertThat(registry.source()).contains("stowage-plugins:").contains("memory-store.jar");
    }
  }

  @Test
  void defaultLoadUsesTheThreadContextClassLoader() throws IOException {
    new TestPluginJar()
        .provider(PluginKind.VOLUME_SNAPSHOTTER, "Ebs", Spec.named("velero.io/aws", "aws"))
        .writeTo(plugins().resolve("ebs.jar"));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      thread.setContextClassLoader(loader);
      PluginRegistry registry = PluginRegistry.load();
      assertThat(registry.volumeSnapshotterOrThrow("aws").getClass().getName())
          .isEqualTo("test.plugins.Ebs");
      assertThat(registry.volumeSnapshotter("velero.io/aws")).isPresent();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void aBrokenProviderIsReportedAndDoesNotHideTheOthers() throws IOException {
    Path jar =
        new TestPluginJar()
            .provider(
                PluginKind.OBJECT_STORE,
                "BrokenStore",
                Spec.named("broken").throwingInConstructor("no credentials baked in"))
            .listed(PluginKind.OBJECT_STORE, "test.plugins.NotInTheJar")
            .provider(
                PluginKind.OBJECT_STORE,
                "BadStatics",
                Spec.named("statics").throwingInStaticInit("static boom"))
            .provider(PluginKind.OBJECT_STORE, "GoodStore", Spec.named("good"))
            .writeTo(plugins().resolve("mixed.jar"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);

      assertThat(registry.storeOrThrow("good").getClass().getName())
          .isEqualTo("test.plugins.GoodStore");
      assertThat(registry.store("broken")).isEmpty();
      assertThat(registry.problems())
          .hasSize(3)
          .allSatisfy(p -> assertThat(p.code()).isEqualTo(StandardErrorCode.PROVIDER_FAILED));

      PluginProblem broken = registry.problems().get(0);
      assertThat(broken.kind()).isEqualTo(PluginKind.OBJECT_STORE);
      assertThat(broken.providers())
          .containsExactly(new ProviderOrigin("test.plugins.BrokenStore", jar.toString()));
      assertThat(broken.message())
          .contains("test.plugins.BrokenStore", "mixed.jar", "no credentials baked in");
      assertThat(broken.cause().orElseThrow()).hasRootCauseMessage("no credentials baked in");

      PluginProblem missing = registry.problems().get(1);
      assertThat(missing.providers())
          .containsExactly(ProviderOrigin.unknownLocation("test.plugins.NotInTheJar"));
      assertThat(missing.message()).contains("test.plugins.NotInTheJar", "not found");

      PluginProblem statics = registry.problems().get(2);
      assertThat(statics.message())
          .contains("test.plugins.BadStatics", "static initializer", "static boom");

      assertThatThrownBy(() -> registry.storeOrThrow("broken"))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
          .hasMessageContaining("Known object store names: good")
          .hasMessageContaining("3 problems came up");
    }
  }

  @Test
  void twoProvidersWithOneNameInTwoJarsFailOnlyThatName() throws IOException {
    Path first =
        new TestPluginJar()
            .provider(PluginKind.OBJECT_STORE, "AwsOne", Spec.named("aws", "one"))
            .writeTo(plugins().resolve("aws-one.jar"));
    Path second =
        new TestPluginJar()
            .provider(PluginKind.OBJECT_STORE, "AwsTwo", Spec.named("two", "aws"))
            .provider(PluginKind.OBJECT_STORE, "Other", Spec.named("other"))
            .writeTo(plugins().resolve("aws-two.jar"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);

      assertThatThrownBy(() -> registry.store("aws"))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.DUPLICATE_PROVIDER))
          .hasMessageContaining("'aws'")
          .hasMessageContaining("test.plugins.AwsOne (from " + first + ")")
          .hasMessageContaining("test.plugins.AwsTwo (from " + second + ")");
      assertThatThrownBy(() -> registry.storeOrThrow("aws"))
          .hasMessageContaining("AwsOne")
          .hasMessageContaining("AwsTwo");

      assertThat(registry.storeOrThrow("one").getClass().getSimpleName()).isEqualTo("AwsOne");
      assertThat(registry.storeOrThrow("two").getClass().getSimpleName()).isEqualTo("AwsTwo");
      assertThat(registry.storeOrThrow("other").getClass().getSimpleName()).isEqualTo("Other");
      assertThat(jarStoreNames(registry)).containsExactly("one", "other", "two");

      assertThat(registry.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.code()).isEqualTo(StandardErrorCode.DUPLICATE_PROVIDER);
                assertThat(p.providers())
                    .extracting(ProviderOrigin::location)
                    .containsExactly(first.toString(), second.toString());
              });
      assertThat(registry.providers())
          .filteredOn(d -> !d.conflictingNames().isEmpty())
          .extracting(ProviderDescriptor::name)
          .containsExactly("aws", "two");
      // AwsOne's own name is the conflicted one; AwsTwo is still usable by its name.
      assertThat(registry.providers())
          .filteredOn(d -> !d.usable())
          .extracting(ProviderDescriptor::name)
          .containsExactly("aws");
      assertThat(registry.all(PluginKind.OBJECT_STORE))
          .extracting(p -> p.getClass().getSimpleName())
          .filteredOn(name -> !name.equals(InMemoryObjectBackupStoreProvider.class.getSimpleName()))
          .containsExactly("AwsTwo", "Other");

      assertThatThrownBy(() -> registry.storeOrThrow("gcp"))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
          .hasMessageContaining("No object store provider is named 'gcp'")
          .hasMessageContaining("one, other, two")
          .hasMessageContaining("claimed by several providers: aws")
          .hasMessageContaining("META-INF/services/io.stowage.api.spi.ObjectBackupStoreProvider")
          .hasMessageContaining("aws-one.jar, aws-two.jar");
    }
  }

  @Test
  void actionsWhoseNameIsClaimedTwiceAreLeftOutOfTheList() throws IOException {
    new TestPluginJar()
        .provider(PluginKind.BACKUP_ITEM_ACTION, "RedactA", Spec.named("example.com/redact"))
        .provider(PluginKind.BACKUP_ITEM_ACTION, "RedactB", Spec.named("example.com/redact"))
        .provider(PluginKind.BACKUP_ITEM_ACTION, "Label", Spec.named("example.com/label"))
        .writeTo(plugins().resolve("actions.jar"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);
      assertThat(registry.actions())
          .extracting(BackupItemActionProvider::name)
          .containsExactlyElementsOf(withBuiltins("example.com/label"));
      assertThat(registry.problems())
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.message())
                      .contains("test.plugins.RedactA", "test.plugins.RedactB", "actions.jar"));
      assertThatThrownBy(() -> registry.action("example.com/redact"))
          .isInstanceOf(BackupException.class);
    }
  }

  @Test
  void aProviderBuiltForAnotherSpiMajorIsRefused() throws IOException {
    int future = PluginProvider.SPI_VERSION + 1;
    new TestPluginJar()
        .provider(PluginKind.OBJECT_STORE, "FutureStore", Spec.named("future").spi(future))
        .provider(PluginKind.OBJECT_STORE, "CurrentStore", Spec.named("current"))
        .writeTo(plugins().resolve("stores.jar"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);

      assertThat(registry.store("current")).isPresent();
      assertThat(registry.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.code()).isEqualTo(StandardErrorCode.PROVIDER_FAILED);
                assertThat(p.providers())
                    .extracting(ProviderOrigin::className)
                    .containsExactly("test.plugins.FutureStore");
                assertThat(p.message())
                    .contains(
                        "'future'",
                        "stores.jar",
                        "SPI version " + future,
                        "offers SPI version " + PluginProvider.SPI_VERSION);
              });
      assertThatThrownBy(() -> registry.store("future"))
          .isInstanceOfSatisfying(
              BackupException.class,
              e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.PROVIDER_FAILED))
          .hasMessageContaining("test.plugins.FutureStore");
      assertThat(registry.providers())
          .extracting(ProviderDescriptor::name)
          .filteredOn(name -> !TESTKIT_PROVIDERS.contains(name))
          .filteredOn(name -> !BUILTIN_ACTIONS.contains(name))
          .containsExactly("current");
    }
  }

  @Test
  void anEmptyRegistrySaysWhereProvidersComeFrom() throws IOException {
    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(plugins())) {
      PluginRegistry registry = PluginRegistry.load(loader);
      // Only backup-core's built-in actions, found on the class path.
      assertThat(registry.actions())
          .extracting(BackupItemActionProvider::name)
          .containsExactlyElementsOf(BUILTIN_ACTIONS);
      // Only backup-testkit's snapshotter, found on the class path.
      assertThatThrownBy(() -> registry.volumeSnapshotterOrThrow("aws"))
          .hasMessageContaining(
              "No volume snapshotter provider is named 'aws'. Known volume snapshotter names: "
                  + RecordingVolumeSnapshotterProvider.NAME
                  + ".")
          .hasMessageContaining("@AutoService(VolumeSnapshotterProvider.class)")
          .hasMessageContaining("no jars");
    }
  }

  @Test
  void thePluginsDirectoryLoaderTakesOnlyTheJarsInTheDirectory() throws IOException {
    Path dir = plugins();
    new TestPluginJar()
        .provider(PluginKind.OBJECT_STORE, "Top", Spec.named("top"))
        .writeTo(dir.resolve("b.jar"));
    Files.writeString(dir.resolve("README.txt"), "not a jar");
    Files.createDirectories(dir.resolve("nested.jar"));
    Files.createDirectories(dir.resolve("sub"));
    new TestPluginJar()
        .provider(PluginKind.OBJECT_STORE, "Nested", Spec.named("nested"))
        .writeTo(dir.resolve("sub/a.jar"));
    new TestPluginJar().writeTo(dir.resolve("A.JAR"));

    try (URLClassLoader loader = PluginClassLoaders.forPluginsDirectory(dir)) {
      assertThat(loader.getURLs())
          .extracting(u -> Path.of(u.getPath()).getFileName().toString())
          .containsExactly("A.JAR", "b.jar");
      assertThat(jarStoreNames(PluginRegistry.load(loader))).containsExactly("top");
    }
  }

  @Test
  void aMissingPluginsDirectoryIsNotFound() throws IOException {
    assertThatThrownBy(() -> PluginClassLoaders.forPluginsDirectory(temp.resolve("nope")))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.NOT_FOUND))
        .hasMessageContaining("nope")
        .hasMessageContaining("does not exist");
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> PluginClassLoaders.forPluginsDirectory(file))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("is not a directory");
  }

  /**
   * Store names other than those the test classpath itself registers (the testkit's in-memory
   * store), so the assertions see only what the plugin jars brought.
   */
  private static List<String> jarStoreNames(PluginRegistry registry) {
    return registry.names(PluginKind.OBJECT_STORE).stream()
        .filter(name -> !name.equals(InMemoryObjectBackupStoreProvider.NAME))
        .toList();
  }
}
