package io.stowage.examples.redact;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ConfigKeys;
import io.stowage.api.spi.PluginContext;
import java.util.Set;

/**
 * Registers {@link RedactAction} under {@value #NAME}. {@code @AutoService} writes {@code
 * META-INF/services/io.stowage.api.spi.BackupItemActionProvider} at compile time, which is all a
 * jar in a plugins directory (or on the class path) needs to be found.
 */
@AutoService(BackupItemActionProvider.class)
public final class RedactActionProvider implements BackupItemActionProvider {
  /** The plugin's name, Velero style. */
  public static final String NAME = "examples.stowage.io/redact";

  @Override
  public String name() {
    return NAME;
  }

  /** The action takes no settings; any given is refused with the list of valid ones (none). */
  @Override
  public BackupItemAction create(PluginContext context) {
    ConfigKeys.requireValidKeys(context.config(), Set.of());
    return new RedactAction();
  }
}
