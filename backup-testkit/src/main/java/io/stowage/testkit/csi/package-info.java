/**
 * CSI snapshots on an {@link io.stowage.testkit.k8s.EmbeddedKubernetes}: the {@code
 * snapshot.storage.k8s.io/v1} CRDs ({@link io.stowage.testkit.csi.SnapshotCrds}) and a stand-in for
 * the snapshot controller and driver that binds VolumeSnapshots ({@link
 * io.stowage.testkit.csi.TestSnapshotController}).
 */
package io.stowage.testkit.csi;
