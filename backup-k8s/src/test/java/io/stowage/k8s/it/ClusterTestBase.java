package io.stowage.k8s.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One {@link BackupFixture} (one embedded API server) per test class, emptied before each test.
 * Test classes run one after the other, so the static field belongs to the running class.
 */
abstract class ClusterTestBase {
  static BackupFixture fixture;

  @BeforeAll
  static void startCluster() {
    fixture = BackupFixture.start();
  }

  @AfterAll
  static void stopCluster() {
    fixture.close();
    fixture = null;
  }

  @BeforeEach
  void emptyCluster() {
    fixture.reset();
  }
}
