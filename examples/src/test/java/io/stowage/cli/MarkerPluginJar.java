package io.stowage.cli;

import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.testkit.plugin.PluginJarBuilder;
import java.nio.file.Path;

/**
 * A third-party plugin jar built at test time ({@link PluginJarBuilder}): one {@link
 * BackupItemActionProvider}, listed in its {@code META-INF/services} file, whose action annotates
 * every ConfigMap with {@value #ANNOTATION}{@code =}{@value #VALUE}. Nothing of it is on the test's
 * class path, so a backup carries the annotation only when the command found the jar.
 */
final class MarkerPluginJar {
  static final String ACTION_NAME = "test.stowage.io/marker";
  static final String PROVIDER_CLASS = "test.plugins.MarkerActionProvider";
  static final String ANNOTATION = "test.stowage.io/marked-by";
  static final String VALUE = "plugins-dir";

  private static final String SOURCE =
      """
      package test.plugins;

      import io.stowage.api.BackupItem;
      import io.stowage.api.ResourceSelector;
      import io.stowage.api.spi.ActionContext;
      import io.stowage.api.spi.ActionResult;
      import io.stowage.api.spi.BackupItemAction;
      import io.stowage.api.spi.BackupItemActionProvider;
      import io.stowage.api.spi.PluginContext;
      import tools.jackson.databind.node.ObjectNode;

      public final class MarkerActionProvider implements BackupItemActionProvider {
        @Override public String name() { return "%s"; }

        @Override public BackupItemAction create(PluginContext context) {
          return new BackupItemAction() {
            @Override public ResourceSelector appliesTo() {
              return ResourceSelector.resources("configmaps");
            }

            @Override public ActionResult execute(BackupItem item, ActionContext context) {
              ObjectNode body = item.body().deepCopy();
              ObjectNode metadata = (ObjectNode) body.get("metadata");
              ObjectNode annotations = metadata.has("annotations")
                  ? (ObjectNode) metadata.get("annotations")
                  : metadata.putObject("annotations");
              annotations.put("%s", "%s");
              return ActionResult.unchanged(item.withBody(body));
            }
          };
        }
      }
      """
          .formatted(ACTION_NAME, ANNOTATION, VALUE);

  private MarkerPluginJar() {}

  /** Compiles the provider and writes the jar into {@code directory}; answers the jar. */
  static Path writeInto(Path directory) {
    return new PluginJarBuilder()
        .provider(BackupItemActionProvider.class, PROVIDER_CLASS, SOURCE)
        .writeTo(directory.resolve("marker-action.jar"));
  }
}
