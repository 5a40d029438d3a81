package io.stowage.core.archive;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.ItemIdentity;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a Velero backup tarball: gzip (default level) around a tar stream of regular-file entries
 * only, no directory entries, each with mode {@code 0755}, uid/gid 0, empty user and group names,
 * and the time of writing rounded to whole seconds. Names longer than the ustar fields, and
 * non-ASCII names, get PAX headers; oversized numbers use PAX too.
 *
 * <p>Order: {@link #writeVersion()} first (enforced), then {@link #writeItem} for every item, then
 * {@link #close()}, which ends the tar stream and then the gzip stream.
 *
 * <p>Thread-safe: several threads may call {@link #writeItem} at once (encode the JSON before the
 * call, in parallel); a lock keeps each item's entries contiguous in the stream.
 *
 * <p>Compression runs on a thread of the writer's own ({@code stowage-tarball-gzip}), so that
 * deflating, which costs as much as listing and encoding, overlaps with them; the stream is still
 * one tar stream in one gzip stream, the same bytes as when written on one thread. At most {@value
 * #PIPELINE_BUFFERS} chunks of {@value #PIPELINE_CHUNK} bytes are in flight; writers wait when the
 * compression falls behind. The target is written from that thread, and only between {@code open}
 * and the end of {@link #close()}; {@link #close()} must be called (it ends the thread).
 *
 * <p>An I/O failure of the target therefore surfaces on a later {@link #writeItem} (whose message
 * names the entry being written then, not necessarily the one whose bytes failed) or at {@link
 * #close()}. After it the stream is unusable: later writes throw, and {@link #close()} only
 * releases resources (it does not end the tar or gzip stream, so the partial output never looks
 * complete).
 *
 * <p>I/O failures throw {@link BackupException} with {@link StandardErrorCode#STORE_FAILED}; misuse
 * (an item before the version entry, writing after close) throws {@link
 * StandardErrorCode#INTERNAL_ERROR}; unsafe item names throw {@link
 * StandardErrorCode#INVALID_ARGUMENT} before anything is written.
 */
public final class TarballWriter implements AutoCloseable {
  /** Mode of every entry; its execute bits let restore enter the directories it creates. */
  public static final int ENTRY_MODE = 0755;

  private static final int GZIP_BUFFER = 64 * 1024;
  private static final int TAR_RECORD = 512;

  /** Bytes of tar stream handed to the compression thread at a time. */
  static final int PIPELINE_CHUNK = 128 * 1024;

  /** Chunks in flight at most (being filled, queued, being compressed). */
  static final int PIPELINE_BUFFERS = 4;

  private enum State {
    NEW,
    OPEN,
    FAILED,
    CLOSED
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final TargetStream target;
  private final ReleasableGzip gzip;
  private final PipelinedStream pipeline;
  private final TarArchiveOutputStream tar;
  private State state = State.NEW;
  private volatile long entries;
  private volatile long items;
  private volatile long contentBytes;

  private TarballWriter(OutputStream target, boolean closeTarget, Clock clock) throws IOException {
    this.clock = requireNonNull(clock, "clock is null");
    this.target = new TargetStream(requireNonNull(target, "target is null"), closeTarget);
    this.gzip = new ReleasableGzip(this.target);
    this.pipeline =
        new PipelinedStream(gzip, "stowage-tarball-gzip", PIPELINE_CHUNK, PIPELINE_BUFFERS);
    this.tar = new TarArchiveOutputStream(pipeline, TAR_RECORD, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
  }

  /** A writer that closes {@code target} when it is closed. */
  public static TarballWriter open(OutputStream target) {
    return open(target, true);
  }

  /**
   * A writer over {@code target}; with {@code closeTarget == false}, {@link #close()} finishes the
   * gzip stream and flushes {@code target} but leaves it open.
   */
  public static TarballWriter open(OutputStream target, boolean closeTarget) {
    return open(target, closeTarget, Clock.systemUTC());
  }

  /** As {@link #open(OutputStream, boolean)}, with the clock that dates the entries. */
  public static TarballWriter open(OutputStream target, boolean closeTarget, Clock clock) {
    try {
      return new TarballWriter(target, closeTarget, clock);
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "Cannot start the backup tarball: writing the gzip header failed: " + e.getMessage(),
          e);
    }
  }

  /**
   * Writes {@code metadata/version} ({@code 1.1.0\n}). Must be the first entry.
   *
   * @throws BackupException {@link StandardErrorCode#INTERNAL_ERROR} when anything was written
   *     before
   */
  public void writeVersion() {
    lock.lock();
    try {
      if (state != State.NEW) {
        throw misuse(
            "metadata/version must be the first entry of the tarball, and written once; the"
                + " writer is "
                + state.name().toLowerCase(Locale.ROOT));
      }
      write(ArchiveLayout.VERSION_PATH, ArchiveLayout.versionFileContent());
      state = State.OPEN;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes one item's entries, contiguously: at its group's preferred version, {@code json} under
   * the unversioned path and again, identical, under {@code <version>-preferredversion/}; at
   * another version, only under {@code <version>/} (see {@link ArchiveLayout}).
   *
   * @param item the item's identity; its version is the one it was read at (before plugins ran)
   * @param json the item's body, normally {@link GoJson#marshal} output; not copied
   * @param preferredVersion whether {@code item.version()} is its group's preferred version
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} when a part of the identity
   *     is unsafe in a path (nothing is written); {@link StandardErrorCode#INTERNAL_ERROR} before
   *     {@link #writeVersion()} or after {@link #close()}
   */
  public void writeItem(ItemIdentity item, byte[] json, boolean preferredVersion) {
    requireNonNull(item, "item is null");
    requireNonNull(json, "json is null");
    List<String> paths = ArchiveLayout.itemPaths(item, preferredVersion);
    lock.lock();
    try {
      if (state != State.OPEN) {
        throw misuse(
            state == State.NEW
                ? "call writeVersion() before writing items: metadata/version must come first"
                : "cannot write "
                    + PathSegments.describe(item)
                    + ": the writer is "
                    + state.name().toLowerCase(Locale.ROOT));
      }
      for (String path : paths) {
        write(path, json);
      }
      items++;
    } finally {
      lock.unlock();
    }
  }

  /** Entries written so far, {@code metadata/version} included. */
  public long entryCount() {
    return entries;
  }

  /** Items written so far (each one or two entries). */
  public long itemCount() {
    return items;
  }

  /** Bytes of entry content written so far, before tar framing and compression. */
  public long contentBytes() {
    return contentBytes;
  }

  /** Compressed bytes handed to the target so far; final after {@link #close()}. */
  public long compressedBytes() {
    return target.count();
  }

  /**
   * Ends the tar stream (its end-of-archive records), then the gzip stream (its trailer), then
   * closes or only flushes the target as chosen at {@code open}. Idempotent. After an earlier I/O
   * failure it only releases resources and does not throw.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (state == State.CLOSED) {
        return;
      }
      State previous = state;
      state = State.CLOSED;
      if (previous == State.FAILED) {
        closeQuietly();
        return;
      }
      tar.close();
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    } catch (IOException e) {
      closeQuietly();
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "Finishing the backup tarball failed: " + e.getMessage(),
          e);
    } finally {
      lock.unlock();
    }
  }

  /** Writes one regular-file entry; the caller holds the lock. */
  private void write(String path, byte[] content) {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(content.length);
    entry.setMode(ENTRY_MODE);
    entry.setUserId(0L);
    entry.setGroupId(0L);
    entry.setUserName("");
    entry.setGroupName("");
    entry.setModTime(FileTime.from(roundToSecond(clock.instant())));
    try {
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw new BackupException(
          StandardErrorCode.STORE_FAILED,
          "Writing " + path + " to the backup tarball failed: " + e.getMessage(),
          e);
    }
    entries++;
    contentBytes += content.length;
  }

  /** Go's {@code Time.Round(time.Second)}: half a second and more rounds up. */
  static Instant roundToSecond(Instant time) {
    long seconds = time.getEpochSecond() + (time.getNano() >= 500_000_000 ? 1 : 0);
    return Instant.ofEpochSecond(seconds);
  }

  /**
   * After a failure: ends nothing (a truncated tarball must not look finished), only stops the
   * compression thread, frees the compressor and closes the target if it is ours.
   */
  private void closeQuietly() {
    pipeline.abort();
    gzip.release();
    try {
      target.close();
    } catch (IOException ignored) {
      // the write already failed and was reported
    }
  }

  /** A gzip stream whose native compressor can be freed without writing anything more. */
  private static final class ReleasableGzip extends GZIPOutputStream {
    ReleasableGzip(OutputStream out) throws IOException {
      super(out, GZIP_BUFFER);
    }

    void release() {
      def.end();
    }
  }

  private static BackupException misuse(String message) {
    return new BackupException(StandardErrorCode.INTERNAL_ERROR, message);
  }
}
