package io.stowage.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningBackupsTest {
  private final RunningBackups tracker = new RunningBackups();
  private final List<BackupKey> requeued = new ArrayList<>();

  RunningBackupsTest() {
    tracker.requeueTo(requeued::add);
  }

  @Test
  void anOverlappingBackupWaitsAndIsRequeuedWhenTheRunningOneEnds() {
    BackupKey first = key("first");
    BackupKey second = key("second");

    assertThat(tracker.tryStart(first, scope("shop"))).isTrue();
    assertThat(tracker.tryStart(second, scope("shop", "billing"))).isFalse();
    assertThat(tracker.contains(second)).isFalse();

    tracker.finish(first);
    assertThat(requeued).containsExactly(second);
    assertThat(tracker.tryStart(second, scope("shop", "billing"))).isTrue();
    assertThat(tracker.count()).isEqualTo(1);
  }

  @Test
  void backupsOfDisjointNamespacesRunTogether() {
    assertThat(tracker.tryStart(key("a"), scope("shop"))).isTrue();
    assertThat(tracker.tryStart(key("b"), scope("billing"))).isTrue();
    assertThat(tracker.tryStart(key("c"), NamespaceScope.ALL)).isFalse();
    assertThat(tracker.keys()).containsExactly(key("a"), key("b"));
  }

  @Test
  void finishingAndAbandoningExcludeEachOther() {
    BackupKey finished = key("finished");
    BackupKey abandoned = key("abandoned");
    tracker.tryStart(finished, scope("a"));
    tracker.tryStart(abandoned, scope("b"));

    assertThat(tracker.beginFinishing(finished)).isTrue();
    assertThat(tracker.abandon(finished)).isFalse();
    assertThat(tracker.abandon(abandoned)).isTrue();
    assertThat(tracker.beginFinishing(abandoned)).isFalse();
    assertThat(tracker.abandon(key("unknown"))).isFalse();
  }

  @Test
  void scopesOfAllNamespacesOrPatternsOverlapEverything() {
    assertThat(NamespaceScope.of(spec())).isEqualTo(NamespaceScope.ALL);
    assertThat(NamespaceScope.of(spec("*"))).isEqualTo(NamespaceScope.ALL);
    assertThat(NamespaceScope.of(spec("shop-*"))).isEqualTo(NamespaceScope.ALL);
    assertThat(NamespaceScope.of(spec("shop")).overlaps(NamespaceScope.of(spec("shop")))).isTrue();
    assertThat(NamespaceScope.of(spec("shop")).overlaps(NamespaceScope.of(spec("billing"))))
        .isFalse();
    assertThat(NamespaceScope.of(spec("shop")).overlaps(NamespaceScope.ALL)).isTrue();
  }

  private static BackupKey key(String name) {
    return new BackupKey("velero", name);
  }

  private static NamespaceScope scope(String... namespaces) {
    return NamespaceScope.of(spec(namespaces));
  }

  private static BackupSpec spec(String... namespaces) {
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(List.of(namespaces));
    return spec;
  }
}
