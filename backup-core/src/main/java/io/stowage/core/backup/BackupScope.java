package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.core.archive.TarballWriter;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.filter.NamespaceFilter;
import io.stowage.core.filter.ResourceFilter;
import io.stowage.core.filter.ResourceResolver;
import io.stowage.core.hooks.PodHooks;
import io.stowage.core.snapshot.NativeSnapshots;
import java.util.List;

/**
 * Everything one backup run shares between its parts: what to select, where to write, where to log.
 * Built once per run by {@link BackupRun}.
 *
 * @param snapshots native PV snapshots of this backup and their records; its {@link
 *     NativeSnapshots#volumes() volumes} are the backup's PVs and skip reasons
 * @param podVolumeTimeout how long pod volume (file-system) backups may take, from {@link
 *     PodVolumeTimeout}. Nothing reads it yet: it is kept for the pod-volume backupper Stowage does
 *     not have yet, which bounds its wait for PodVolumeBackups (and the post-hook wait) by it
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
    PodHooks hooks,
    NativeSnapshots snapshots,
    GoDuration podVolumeTimeout)
    implements ActionContext {}
