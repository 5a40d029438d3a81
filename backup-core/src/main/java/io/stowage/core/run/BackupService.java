package io.stowage.core.run;

import static java.util.Objects.requireNonNull;

import io.stowage.api.GroupResource;
import io.stowage.api.ProgressListener;
import io.stowage.api.store.BackupStore;
import io.stowage.api.velero.v1.Backup;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.prepare.BackupPreparer;
import io.stowage.core.prepare.LocationCatalog;
import io.stowage.core.prepare.Preparation;
import io.stowage.core.prepare.SpecFilters;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one path every caller takes, the command line and the controller alike: prepare, then run and
 * persist. A backup that fails validation is returned in phase FailedValidation and nothing is
 * written anywhere.
 */
public final class BackupService {
  private static final GroupResource NAMESPACES = GroupResource.core("namespaces");

  private final Cluster cluster;
  private final BackupPreparer preparer;
  private final BackupRunner runner;
  private final StoreResolver stores;

  public BackupService(
      Cluster cluster, BackupPreparer preparer, BackupRunner runner, StoreResolver stores) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.preparer = requireNonNull(preparer, "preparer is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.stores = requireNonNull(stores, "stores is null");
  }

  /** Applies defaults, resolves locations and validates; reads the cluster, writes nothing. */
  public Preparation prepare(Backup backup, LocationCatalog locations) {
    return preparer.prepare(
        backup, cluster.serverVersion(), excludedNamespaces(), locations, SpecFilters.VALIDATION);
  }

  /** Runs and persists a valid preparation. */
  public RunOutcome run(Preparation preparation, ProgressListener progress) {
    BackupStore store = stores.open(preparation.storageLocation());
    try {
      return runner.run(preparation.request(), store, progress);
    } finally {
      store.objects().close();
    }
  }

  /** Prepares and, when valid, runs and persists. */
  public RunOutcome backup(Backup backup, LocationCatalog locations, ProgressListener progress) {
    Preparation preparation = prepare(backup, locations);
    if (!preparation.valid()) {
      return new RunOutcome(preparation.backup(), null, 0);
    }
    return run(preparation, progress);
  }

  private List<String> excludedNamespaces() {
    List<String> names = new ArrayList<>();
    for (ObjectNode namespace :
        cluster.list(NAMESPACES, "", BackupPreparer.EXCLUDE_LABEL + "=true")) {
      names.add(namespace.path("metadata").path("name").asString());
    }
    return names;
  }
}
