package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

/**
 * Identity of one Backup in the work queue and the tracker, written {@code <namespace>/<name>} as
 * Velero's queue keys are.
 */
record BackupKey(String namespace, String name) {
  BackupKey {
    requireNonNull(namespace, "namespace is null");
    requireNonNull(name, "name is null");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
