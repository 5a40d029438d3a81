package io.stowage.cli;

import io.stowage.api.store.BackupStore;
import io.stowage.core.store.StoreCheck;
import io.stowage.core.store.StoreCheckReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stowage store check}: writes, reads, lists, checks and deletes a probe object under the
 * location's {@code metadata/} and says which capability failed and which setting fixes it.
 */
@Command(
    name = "check",
    description = {
      "Self-test a store: write, read back (digest), list, create-only, signed URL and delete a"
          + " probe object under <prefix>/metadata/.",
      "Exit 0 when every step passes, 1 otherwise."
    },
    mixinStandardHelpOptions = true,
    versionProvider = StowageVersion.class)
final class StoreCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() {
    try (Plugins plugins = StowageCli.plugins(spec);
        OpenStore open = storeOption.open(plugins)) {
      BackupStore store = open.store();
      StoreCheckReport report =
          StoreCheck.run(store.objects(), store.layout().bucket(), store.layout().prefix());
      spec.commandLine().getOut().println(report.render());
      return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
