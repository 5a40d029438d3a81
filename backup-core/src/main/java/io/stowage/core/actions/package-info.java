/**
 * Velero's built-in backup item actions (velero-facts §6.12, §5.6), registered like any plugin
 * through {@code @AutoService(BackupItemActionProvider.class)}:
 *
 * <ul>
 *   <li>{@code velero.io/pod}: a pod's PVCs and PriorityClass as additional items ({@link
 *       PodAction});
 *   <li>{@code velero.io/pv}: despite the name it acts on PVCs; a Bound PVC's PV as additional item
 *       and the clean-up of the stored PVC ({@link PvcAction});
 *   <li>{@code velero.io/service-account}: the ClusterRoleBindings naming the ServiceAccount and
 *       their ClusterRoles ({@link ServiceAccountAction}).
 * </ul>
 */
package io.stowage.core.actions;
