package io.stowage.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.spi.ObjectBackupStoreProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarBuilderTest {
  @TempDir Path tmp;

  @Test
  void theJarsProvidersAreFoundByServiceLoaderOnlyThroughTheJar() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .provider(
                ObjectBackupStoreProvider.class,
                "test.plugins.NamedStore",
                """
                package test.plugins;

                import io.stowage.api.spi.ObjectBackupStore;
                import io.stowage.api.spi.ObjectBackupStoreProvider;
                import io.stowage.api.spi.PluginContext;

                public final class NamedStore implements ObjectBackupStoreProvider {
                  @Override public String name() { return "built-at-test-time"; }

                  @Override public ObjectBackupStore create(PluginContext context) {
                    throw new IllegalStateException("not used");
                  }
                }
                """)
            .writeTo(tmp.resolve("plugins/named.jar"));

    assertThat(ServiceLoader.load(ObjectBackupStoreProvider.class).stream())
        .noneMatch(p -> p.type().getName().equals("test.plugins.NamedStore"));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      List<String> names =
          ServiceLoader.load(ObjectBackupStoreProvider.class, loader).stream()
              .map(ServiceLoader.Provider::get)
              .map(ObjectBackupStoreProvider::name)
              .toList();
      assertThat(names).contains("built-at-test-time");
    }
  }

  @Test
  void sourcesThatDoNotCompileFailWithTheCompilersMessage() {
    PluginJarBuilder builder =
        new PluginJarBuilder().source("test.plugins.Broken", "package test.plugins; class {");

    assertThatThrownBy(() -> builder.writeTo(tmp.resolve("broken.jar")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plugin sources do not compile")
        .hasMessageContaining("Broken.java");
  }
}
