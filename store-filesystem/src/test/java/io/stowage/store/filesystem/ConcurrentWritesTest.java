package io.stowage.store.filesystem;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races between writers, and between writers and deletes. */
class ConcurrentWritesTest {
  private static final String BUCKET = "bucket";
  private static final int THREADS = 8;

  @TempDir Path root;
  private FilesystemObjectBackupStore store;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    store = new FilesystemObjectBackupStore(root);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void putIfAbsentHasExactlyOneWinnerUnderARace() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "backups/b" + round + "/velero-backup.json";
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int writer = 0; writer < THREADS; writer++) {
        String content = "writer-" + writer;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return store.putObjectIfAbsent(BUCKET, key, content(content));
                }));
      }
      go.countDown();

      List<Integer> winners = new ArrayList<>();
      for (int writer = 0; writer < THREADS; writer++) {
        if (results.get(writer).get()) {
          winners.add(writer);
        }
      }
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(read(key)).isEqualTo("writer-" + winners.get(0));
    }
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void putsSurviveConcurrentDeletesEmptyingTheirDirectory() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Void>> tasks = new ArrayList<>();
    for (int worker = 0; worker < THREADS; worker++) {
      String key = "backups/shared/k" + worker;
      Callable<Void> churn =
          () -> {
            go.await();
            for (int i = 0; i < 100; i++) {
              store.putObject(BUCKET, key, content(key + i));
              assertThat(read(key)).isEqualTo(key + i);
              store.deleteObject(BUCKET, key);
            }
            return null;
          };
      tasks.add(pool.submit(churn));
    }
    go.countDown();
    for (Future<Void> task : tasks) {
      task.get();
    }

    assertThat(store.listObjects(BUCKET, "")).isEmpty();
    assertThat(root.resolve(BUCKET).resolve("backups")).doesNotExist();
    assertThat(temporaryFiles()).isEmpty();
  }

  private String read(String key) throws IOException {
    try (InputStream in = store.getObject(BUCKET, key)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(ObjectPaths::isTempName).toList();
    }
  }

  private static InputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }
}
