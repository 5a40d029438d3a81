package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.GroupResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticExcludesTest {
  @Test
  void addAppendsMissingExcludesAndRemovesEqualIncludes() {
    AutomaticExcludes.Lists l =
        AutomaticExcludes.add(
            List.of("pods", "volumesnapshots.snapshot.storage.k8s.io"),
            List.of("volumesnapshots.snapshot.storage.k8s.io"),
            AutomaticExcludes.ALL);
    assertThat(l.includes()).containsExactly("pods");
    assertThat(l.excludes())
        .containsExactly(
            "volumesnapshots.snapshot.storage.k8s.io",
            "volumesnapshotcontents.snapshot.storage.k8s.io");
  }

  @Test
  void onlyTheTwoCsiTypes() {
    assertThat(AutomaticExcludes.isAutomaticallyExcluded(AutomaticExcludes.VOLUME_SNAPSHOTS))
        .isTrue();
    assertThat(
            AutomaticExcludes.isAutomaticallyExcluded(
                new GroupResource("snapshot.storage.k8s.io", "volumesnapshotclasses")))
        .isFalse();
  }
}
