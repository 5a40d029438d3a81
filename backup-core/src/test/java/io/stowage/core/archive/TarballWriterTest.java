package io.stowage.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.ItemIdentity;
import io.stowage.api.StandardErrorCode;
import io.stowage.core.archive.TarballReader.Entry;
import io.stowage.core.archive.TarballReader.RawHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarballWriterTest {
  private static final Instant NOW = Instant.parse("2026-05-20T10:15:30.700Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final ItemIdentity POD = new ItemIdentity("", "v1", "pods", "default", "web-0");
  private static final ItemIdentity DEPLOYMENT =
      new ItemIdentity("apps", "v1", "deployments", "default", "nginx");
  private static final ItemIdentity NAMESPACE =
      new ItemIdentity("", "v1", "namespaces", "", "default");
  private static final ItemIdentity PV = new ItemIdentity("", "v1", "persistentvolumes", "", "pv1");
  private static final ItemIdentity HPA =
      new ItemIdentity("autoscaling", "v2beta2", "horizontalpodautoscalers", "ns", "x");

  private static byte[] body(ItemIdentity item) {
    return ("{\"name\":\"" + item.name() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tarball(ItemIdentity... preferredItems) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = TarballWriter.open(out, true, CLOCK)) {
      writer.writeVersion();
      for (ItemIdentity item : preferredItems) {
        writer.writeItem(item, body(item), true);
      }
    }
    return out.toByteArray();
  }

  @Test
  void startsWithTheVersionEntry() throws IOException {
    List<Entry> entries = TarballReader.entries(tarball(POD));
    assertThat(entries.get(0).name()).isEqualTo("metadata/version");
    assertThat(entries.get(0).content()).isEqualTo(new byte[] {'1', '.', '1', '.', '0', '\n'});
  }

  @Test
  void writesRegularFilesOnlyWithVeleroHeaders() throws IOException {
    byte[] tarGz = tarball(POD, DEPLOYMENT, NAMESPACE);
    List<Entry> entries = TarballReader.entries(tarGz);
    assertThat(entries).hasSize(7);
    assertThat(entries)
        .allSatisfy(
            e -> {
              TarArchiveEntryAssert.check(e);
              assertThat(e.header().getModTime().toInstant())
                  .isEqualTo(Instant.parse("2026-05-20T10:15:31Z"));
            });
    // Short ASCII names need no PAX records: plain ustar file headers, mode 0000755.
    assertThat(TarballReader.rawHeaders(tarGz)).extracting(RawHeader::typeflag).containsOnly('0');
    assertThat(TarballReader.rawHeaders(tarGz)).extracting(RawHeader::mode).containsOnly("0000755");
  }

  @Test
  void writesPreferredVersionItemsTwiceWithIdenticalBytes() throws IOException {
    List<Entry> entries = TarballReader.entries(tarball(POD, DEPLOYMENT, NAMESPACE, PV));
    assertThat(entries)
        .extracting(Entry::name)
        .containsExactly(
            "metadata/version",
            "resources/pods/namespaces/default/web-0.json",
            "resources/pods/v1-preferredversion/namespaces/default/web-0.json",
            "resources/deployments.apps/namespaces/default/nginx.json",
            "resources/deployments.apps/v1-preferredversion/namespaces/default/nginx.json",
            "resources/namespaces/cluster/default.json",
            "resources/namespaces/v1-preferredversion/cluster/default.json",
            "resources/persistentvolumes/cluster/pv1.json",
            "resources/persistentvolumes/v1-preferredversion/cluster/pv1.json");
    for (int i = 1; i < entries.size(); i += 2) {
      assertThat(entries.get(i + 1).content()).isEqualTo(entries.get(i).content());
    }
    assertThat(entries.get(3).text()).isEqualTo("{\"name\":\"nginx\"}");
  }

  @Test
  void writesOtherVersionsOnlyUnderTheirVersionDirectory() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = TarballWriter.open(out)) {
      writer.writeVersion();
      writer.writeItem(HPA, body(HPA), false);
    }
    assertThat(TarballReader.entries(out.toByteArray()))
        .extracting(Entry::name)
        .containsExactly(
            "metadata/version",
            "resources/horizontalpodautoscalers.autoscaling/v2beta2/namespaces/ns/x.json");
  }

  @Test
  void longAndNonAsciiNamesReadBackThroughPax() throws IOException {
    String longName = "n".repeat(150);
    ItemIdentity longItem = new ItemIdentity("example.com", "v1", "widgets", "team-a", longName);
    ItemIdentity unicode = new ItemIdentity("", "v1", "configmaps", "ns", "grüße-日本");
    byte[] tarGz = tarball(longItem, unicode);

    List<Entry> entries = TarballReader.entries(tarGz);
    assertThat(entries)
        .extracting(Entry::name)
        .containsExactly(
            "metadata/version",
            "resources/widgets.example.com/namespaces/team-a/" + longName + ".json",
            "resources/widgets.example.com/v1-preferredversion/namespaces/team-a/"
                + longName
                + ".json",
            "resources/configmaps/namespaces/ns/grüße-日本.json",
            "resources/configmaps/v1-preferredversion/namespaces/ns/grüße-日本.json");
    assertThat(entries).allSatisfy(TarArchiveEntryAssert::check);
    assertThat(entries.get(2).content()).isEqualTo(entries.get(1).content());
    // Each of the four item entries is preceded by its PAX record; none is a directory.
    assertThat(TarballReader.rawHeaders(tarGz))
        .extracting(RawHeader::typeflag)
        .containsExactly('0', 'x', '0', 'x', '0', 'x', '0', 'x', '0');
  }

  @Test
  void countsWhatItWrites() throws IOException {
    CloseTrackingStream out = new CloseTrackingStream();
    TarballWriter writer = TarballWriter.open(out, false, CLOCK);
    writer.writeVersion();
    writer.writeItem(POD, body(POD), true);
    writer.writeItem(HPA, body(HPA), false);
    assertThat(writer.entryCount()).isEqualTo(4);
    assertThat(writer.itemCount()).isEqualTo(2);
    assertThat(writer.contentBytes()).isEqualTo(6 + 2L * body(POD).length + body(HPA).length);
    writer.close();
    writer.close();
    assertThat(writer.compressedBytes()).isEqualTo(out.size());
    assertThat(out.closed).as("target left open").isFalse();
    assertThat(TarballReader.entries(out.toByteArray())).hasSize(4);

    CloseTrackingStream owned = new CloseTrackingStream();
    TarballWriter.open(owned).close();
    assertThat(owned.closed).isTrue();
  }

  @Test
  void enforcesTheVersionEntryFirstAndNothingAfterClose() {
    TarballWriter writer = TarballWriter.open(new ByteArrayOutputStream());
    assertThatThrownBy(() -> writer.writeItem(POD, body(POD), true))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INTERNAL_ERROR))
        .hasMessageContaining("writeVersion()");
    writer.writeVersion();
    assertThatThrownBy(writer::writeVersion).isInstanceOf(BackupException.class);
    writer.close();
    assertThatThrownBy(() -> writer.writeItem(POD, body(POD), true))
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INTERNAL_ERROR));
  }

  @Test
  void rejectsNamesThatCouldEscapeTheirFolder() throws IOException {
    List<ItemIdentity> unsafe =
        List.of(
            new ItemIdentity("", "v1", "pods", "default", ".."),
            new ItemIdentity("", "v1", "pods", "default", "."),
            new ItemIdentity("", "v1", "pods", "default", ""),
            new ItemIdentity("", "v1", "pods", "default", "a/b"),
            new ItemIdentity("", "v1", "pods", "default", "a\\b"),
            new ItemIdentity("", "v1", "pods", "default", "a\u0000b"),
            new ItemIdentity("", "v1", "pods", "default", "line\nbreak"),
            new ItemIdentity("", "v1", "pods", "..", "p"),
            new ItemIdentity("", "v1", "pods", "../etc", "p"),
            new ItemIdentity("", "v1", "..", "default", "p"),
            new ItemIdentity("", "v1", "", "default", "p"),
            new ItemIdentity("..", "v1", "pods", "default", "p"),
            new ItemIdentity("example.com/x", "v1", "pods", "default", "p"),
            new ItemIdentity("", "v1/..", "pods", "default", "p"),
            new ItemIdentity("", "", "pods", "default", "p"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = TarballWriter.open(out)) {
      writer.writeVersion();
      for (ItemIdentity item : unsafe) {
        assertThatThrownBy(() -> writer.writeItem(item, body(POD), true))
            .as(item.toString())
            .isInstanceOfSatisfying(
                BackupException.class,
                e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.INVALID_ARGUMENT))
            .hasMessageStartingWith("Cannot write the ")
            .hasMessageContaining("Exclude the object");
      }
      assertThat(writer.entryCount()).isEqualTo(1);
      writer.writeItem(POD, body(POD), true);
    }
    assertThat(TarballReader.entries(out.toByteArray())).hasSize(3);
  }

  @Test
  void sayWhichItemAndWhy() {
    ItemIdentity item = new ItemIdentity("", "v1", "secrets", "kube-system", "a/../../b");
    assertThatThrownBy(() -> ArchiveLayout.itemPath(item))
        .hasMessage(
            "Cannot write the \"secrets\" item \"kube-system\"/\"a/../../b\" (version \"v1\") to"
                + " the backup: its name \"a/../../b\" contains '/', which is not allowed in a path"
                + " inside the backup tarball (it could escape its folder). Exclude the object"
                + " from the backup.");
    assertThatThrownBy(
            () -> ArchiveLayout.itemPath(new ItemIdentity("", "v1", "pods", "ns\u0007", "p")))
        .hasMessageContaining("its namespace \"ns\\u0007\" contains the control character U+0007");
  }

  @Test
  void keepsEachItemsEntriesTogetherUnderConcurrentWriters() throws Exception {
    int threads = 8;
    int perThread = 250;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = TarballWriter.open(out, true, CLOCK)) {
      writer.writeVersion();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    ItemIdentity item =
                        new ItemIdentity("", "v1", "configmaps", "ns-" + thread, "cm-" + i);
                    writer.writeItem(item, body(item), true);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(writer.itemCount()).isEqualTo((long) threads * perThread);
    }

    List<Entry> entries = TarballReader.entries(out.toByteArray());
    assertThat(entries).hasSize(1 + 2 * threads * perThread);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < entries.size(); i += 2) {
      Entry first = entries.get(i);
      Entry second = entries.get(i + 1);
      assertThat(second.name())
          .isEqualTo(first.name().replace("/configmaps/", "/configmaps/v1-preferredversion/"));
      assertThat(second.content()).isEqualTo(first.content());
      assertThat(seen.add(first.name())).isTrue();
    }
    assertThat(seen).hasSize(threads * perThread);
  }

  @Test
  void anIoFailureStopsTheWriterWithoutFinishingTheStream() {
    FailingStream target = new FailingStream(10_000);
    TarballWriter writer = TarballWriter.open(target, true, CLOCK);
    writer.writeVersion();
    byte[] incompressible = new byte[300_000];
    new Random(1).nextBytes(incompressible);
    // Compression runs on its own thread: the failure surfaces on a later write, within the
    // few chunks the pipeline holds.
    BackupException failure = null;
    for (int i = 0; i < 20 && failure == null; i++) {
      try {
        writer.writeItem(
            new ItemIdentity("", "v1", "pods", "default", "web-" + i), incompressible, true);
      } catch (BackupException e) {
        failure = e;
      }
    }
    assertThat(failure).isNotNull();
    assertThat(failure.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED);
    assertThat(failure)
        .hasMessageContaining("resources/pods/")
        .hasMessageContaining("/namespaces/default/web-")
        .hasMessageContaining("disk full");
    assertThatThrownBy(() -> writer.writeItem(PV, body(PV), true))
        .isInstanceOf(BackupException.class);
    writer.close();
    assertThat(target.closed).isTrue();
    assertThat(target.written).as("nothing after the failure").isLessThanOrEqualTo(10_000);
  }

  @Test
  void aFailureWhileFinishingIsReportedByClose() {
    FailingStream target = new FailingStream(15);
    TarballWriter writer = TarballWriter.open(target, true, CLOCK);
    writer.writeVersion();
    assertThatThrownBy(writer::close)
        .isInstanceOfSatisfying(
            BackupException.class,
            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.STORE_FAILED))
        .hasMessageContaining("Finishing the backup tarball failed")
        .hasMessageContaining("disk full");
    assertThat(target.closed).isTrue();
    writer.close();
  }

  @Test
  void writesTheSameBytesAsOneThreadWould() throws IOException {
    // Many chunks' worth of stream, so that the compression thread runs behind the writer.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Random random = new Random(7);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      byte[] content = new byte[random.nextInt(4000)];
      for (int j = 0; j < content.length; j++) {
        content[j] = (byte) ('a' + random.nextInt(20));
      }
      bodies.add(content);
    }
    try (TarballWriter writer = TarballWriter.open(out, true, CLOCK)) {
      writer.writeVersion();
      for (int i = 0; i < bodies.size(); i++) {
        writer.writeItem(
            new ItemIdentity("", "v1", "configmaps", "ns", "cm-" + i), bodies.get(i), true);
      }
    }
    byte[] tar = TarballReader.gunzip(out.toByteArray());
    assertThat(tar.length).isGreaterThan(4 * TarballWriter.PIPELINE_CHUNK);
    try (GZIPOutputStream gzip = new GZIPOutputStream(expected, 64 * 1024)) {
      gzip.write(tar);
    }
    assertThat(TarballReader.entries(out.toByteArray())).hasSize(1 + 2 * bodies.size());
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void roundsTheTimeToWholeSecondsAsGoDoes() {
    assertThat(TarballWriter.roundToSecond(Instant.ofEpochSecond(10, 499_999_999)))
        .isEqualTo(Instant.ofEpochSecond(10));
    assertThat(TarballWriter.roundToSecond(Instant.ofEpochSecond(10, 500_000_000)))
        .isEqualTo(Instant.ofEpochSecond(11));
  }

  /** Header checks shared by the tests. */
  static final class TarArchiveEntryAssert {
    static void check(Entry entry) {
      assertThat(entry.header().isFile()).as(entry.name()).isTrue();
      assertThat(entry.header().isDirectory()).isFalse();
      assertThat(entry.header().getMode()).isEqualTo(0755);
      assertThat(entry.header().getLongUserId()).isZero();
      assertThat(entry.header().getLongGroupId()).isZero();
      assertThat(entry.header().getUserName()).isEmpty();
      assertThat(entry.header().getGroupName()).isEmpty();
      assertThat(entry.header().getSize()).isEqualTo(entry.content().length);
    }
  }

  private static final class CloseTrackingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class FailingStream extends OutputStream {
    private final int capacity;
    int written;
    boolean closed;

    FailingStream(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > capacity) {
        throw new IOException("disk full");
      }
      written += len;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
