package io.stowage.core.actions;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.velero.v1.Backup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@link ActionContext} whose log keeps its lines. */
final class TestContext implements ActionContext {
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Backup backup = new Backup();

  @Override
  public Backup backup() {
    return backup;
  }

  @Override
  public BackupLog log() {
    return (BackupLog.Level level, ResourceIdentifier item, String message, Throwable error) ->
        lines.add(level + " " + message);
  }
}
