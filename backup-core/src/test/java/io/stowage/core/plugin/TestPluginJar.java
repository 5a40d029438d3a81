package io.stowage.core.plugin;

import io.stowage.api.spi.PluginProvider;
import io.stowage.testkit.plugin.PluginJarBuilder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real plugin jar built at test time ({@link PluginJarBuilder}) from generated provider classes,
 * listed in {@code META-INF/services/<provider interface>} in the order they were added.
 */
final class TestPluginJar {
  private static final String PACKAGE_PREFIX = "test.plugins.";

  private final PluginJarBuilder jar = new PluginJarBuilder();

  /** A provider class, compiled and listed under its kind's services file. */
  TestPluginJar provider(PluginKind<?> kind, String simpleClassName, Spec spec) {
    String className = PACKAGE_PREFIX + simpleClassName;
    jar.provider(kind.providerType(), className, spec.source(kind, simpleClassName));
    return this;
  }

  /** A line in the services file only, with no class behind it. */
  TestPluginJar listed(PluginKind<?> kind, String className) {
    jar.service(kind.providerType(), className);
    return this;
  }

  /** Compiles the sources and writes the jar; returns {@code jar}. */
  Path writeTo(Path target) {
    return jar.writeTo(target);
  }

  /** What a generated provider says about itself and does when constructed. */
  record Spec(String name, Set<String> aliases, int spiVersion, String constructorBody) {
    static Spec named(String name, String... aliases) {
      return new Spec(name, Set.of(aliases), PluginProvider.SPI_VERSION, "");
    }

    Spec spi(int version) {
      return new Spec(name, aliases, version, constructorBody);
    }

    Spec throwingInConstructor(String message) {
      return new Spec(
          name, aliases, spiVersion, "throw new IllegalStateException(\"" + message + "\");");
    }

    Spec throwingInStaticInit(String message) {
      return new Spec(
          name,
          aliases,
          spiVersion,
          "} static { if (true) throw new IllegalStateException(\"" + message + "\");");
    }

    String source(PluginKind<?> kind, String simpleClassName) {
      String product =
          switch (kind.providerType().getSimpleName()) {
            case "ObjectBackupStoreProvider" -> "ObjectBackupStore";
            case "BackupItemActionProvider" -> "BackupItemAction";
            case "VolumeSnapshotterProvider" -> "VolumeSnapshotter";
            default -> throw new IllegalArgumentException(kind.toString());
          };
      String aliasList =
          aliases.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
      return String.join(
          "\n",
          "package test.plugins;",
          "import io.stowage.api.spi.*;",
          "import java.util.Set;",
          "public final class "
              + simpleClassName
              + " implements "
              + kind.providerType().getName()
              + " {",
          "  public " + simpleClassName + "() { " + constructorBody + " }",
          "  @Override public String name() { return \"" + name + "\"; }",
          "  @Override public Set<String> aliases() { return Set.of(" + aliasList + "); }",
          "  @Override public int spiVersion() { return " + spiVersion + "; }",
          "  @Override public " + product + " create(PluginContext context) {",
          "    throw new UnsupportedOperationException(\"test provider\");",
          "  }",
          "}",
          "");
    }
  }
}
