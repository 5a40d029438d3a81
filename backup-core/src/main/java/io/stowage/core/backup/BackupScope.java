package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.velero.v1.Backup;
import io.stowage.core.archive.TarballWriter;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.filter.NamespaceFilter;
import io.stowage.core.filter.ResourceFilter;
import io.stowage.core.filter.ResourceResolver;
import io.stowage.core.hooks.PodHooks;
import java.util.List;

/**
 * Everything one backup run shares between its parts: what to select, where to write, where to log.
 * Built once per run by {@link BackupRun}.
 */
record BackupScope(
    Backup backup,
    Cluster cluster,
    ResourceResolver resolver,
    NamespaceFilter namespaces,
    ResourceFilter resources,
    List<ResolvedAction> actions,
    TarballWriter tarball,
    BackupLog log,
    PodHooks hooks)
    implements ActionContext {}
