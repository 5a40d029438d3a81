package io.stowage.core.store;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.ErrorCategory;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStore.Capability;
import io.stowage.api.store.BackupStore;
import io.stowage.api.store.BackupStoreLayout;
import io.stowage.core.store.StoreCheckReport.Status;
import io.stowage.core.store.StoreCheckReport.Step;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A self-test of an {@link ObjectBackupStore} location: one call that exercises what backups need
 * and reports, per step, OK / FAILED / SKIPPED with the cause and a hint of what to change.
 *
 * <p>It writes only under {@code <prefix>/metadata/}, a top-level directory Velero accepts, as
 * {@code stowage-probe-<uuid>} objects that it deletes at the end: any other top-level directory
 * would make Velero mark the BackupStorageLocation Unavailable.
 *
 * <p>Steps: {@code layout} (no foreign top-level directories, as Velero's validity check), {@code
 * write} (a probe of random bytes), {@code exists}, {@code read} (SHA-256 compared), {@code list},
 * {@code create-only} (a create-only write succeeds once and is refused the second time; whether it
 * is atomic comes from {@link Capability#ATOMIC_CREATE}), {@code signed-url} (fetched over HTTP and
 * compared, when the store offers signed URLs), {@code delete}.
 *
 * <p>Hints come from the store: a {@link BackupException} whose message holds {@value #HINT_MARKER}
 * followed by a hint (the S3 store's convention) has it shown apart; otherwise StoreCheck gives a
 * generic hint for the error category or the step.
 */
public final class StoreCheck {
  /** Separates the problem from the hint in store error messages (see {@code S3StoreException}). */
  public static final String HINT_MARKER = " Hint: ";

  /** The probe objects' name prefix under {@code <prefix>/metadata/}. */
  public static final String PROBE_PREFIX = "stowage-probe-";

  private final ObjectBackupStore store;
  private final BackupStoreLayout layout;
  private final Options options;
  private final List<Step> steps = new ArrayList<>();

  private StoreCheck(ObjectBackupStore store, String bucket, String prefix, Options options) {
    this.store = requireNonNull(store, "store is null");
    this.layout = new BackupStoreLayout(bucket, prefix);
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * What to check beyond the basics.
   *
   * @param probeBytes size of the probe object; above the store's multipart threshold (16 MiB for
   *     S3 by default) it also exercises multipart uploads
   * @param checkSignedUrl fetch a signed URL when the store offers them
   * @param httpTimeout time limit of that fetch
   */
  public record Options(int probeBytes, boolean checkSignedUrl, Duration httpTimeout) {
    public Options {
      if (probeBytes < 1) {
        throw new IllegalArgumentException("probeBytes must be positive");
      }
      requireNonNull(httpTimeout, "httpTimeout is null");
    }

    /** 256 KiB probe, signed URL checked, 30 s HTTP timeout. */
    public static Options defaults() {
      return new Options(256 * 1024, true, Duration.ofSeconds(30));
    }
  }

  /** Checks a location with {@link Options#defaults()}. */
  public static StoreCheckReport run(ObjectBackupStore store, String bucket, String prefix) {
    return run(store, bucket, prefix, Options.defaults());
  }

  /** Checks a location; never throws for a store failure, which is reported as a failed step. */
  public static StoreCheckReport run(
      ObjectBackupStore store, String bucket, String prefix, Options options) {
    StoreCheck check = new StoreCheck(store, bucket, prefix, options);
    check.runSteps();
    return new StoreCheckReport(check.layout.bucket(), check.layout.prefix(), check.steps);
  }

  private void runSteps() {
    String bucket = layout.bucket();
    String metadata = layout.root() + "metadata/";
    String probe = metadata + PROBE_PREFIX + UUID.randomUUID();
    String createOnly = probe + "-create-only";
    byte[] content = new byte[options.probeBytes()];
    new SecureRandom().nextBytes(content);
    byte[] digest = sha256(content);

    step(
        "layout",
        null,
        () -> {
          List<String> invalid =
              new BackupStore(store, bucket, layout.prefix()).invalidTopLevelDirectories();
          if (!invalid.isEmpty()) {
            throw new CheckFailed(
                "foreign top-level directories under the location: " + invalid,
                "Velero marks a location with other top-level directories than "
                    + BackupStoreLayout.TOP_LEVEL_DIRECTORIES
                    + " Unavailable: move them away or choose another prefix.");
          }
          return "a valid Velero location (top-level directories only among "
              + BackupStoreLayout.TOP_LEVEL_DIRECTORIES
              + ")";
        });

    boolean written =
        step(
            "write",
            null,
            () -> {
              store.putObject(bucket, probe, new ByteArrayInputStream(content));
              return "wrote " + content.length + " bytes to " + probe;
            });
    String needsProbe = written ? null : "needs the probe object, which could not be written";

    step(
        "exists",
        needsProbe,
        () -> {
          if (!store.objectExists(bucket, probe)) {
            throw new CheckFailed(
                "the probe object just written is reported missing",
                "The store does not show its own writes: check that reads and writes go to the"
                    + " same endpoint and bucket.");
          }
          return "the probe object exists";
        });

    step(
        "read",
        needsProbe,
        () -> {
          byte[] read;
          try (InputStream in = store.getObject(bucket, probe)) {
            read = in.readAllBytes();
          }
          if (read.length != content.length || !Arrays.equals(sha256(read), digest)) {
            throw new CheckFailed(
                "read back "
                    + read.length
                    + " bytes with SHA-256 "
                    + hex(sha256(read))
                    + ", wrote "
                    + content.length
                    + " bytes with SHA-256 "
                    + hex(digest),
                "The store returns other bytes than were written: it may keep the upload's"
                    + " encoding framing; for S3 try compatibilityMode=legacy or"
                    + " checksumAlgorithm=\"\".");
          }
          return "read back " + read.length + " bytes, SHA-256 matches";
        });

    step(
        "list",
        needsProbe,
        () -> {
          List<String> keys = store.listObjects(bucket, metadata + PROBE_PREFIX);
          if (!keys.contains(probe)) {
            throw new CheckFailed(
                "listing " + metadata + PROBE_PREFIX + " does not show the probe object",
                "Listings do not show new objects: check the prefix and the store's listing"
                    + " consistency.");
          }
          return "listed under " + metadata;
        });

    step(
        "create-only",
        null,
        () -> {
          if (!store.putObjectIfAbsent(bucket, createOnly, new ByteArrayInputStream(content))) {
            throw new CheckFailed(
                "a create-only write of a new key was refused",
                "The store claims a fresh key exists: check the store's consistency.");
          }
          byte[] other = "second".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          if (store.putObjectIfAbsent(bucket, createOnly, new ByteArrayInputStream(other))) {
            throw new CheckFailed(
                "a second create-only write to the same key was accepted: an existing backup"
                    + " could be overwritten",
                "The store ignores conditional writes (If-None-Match): for S3 set"
                    + " conditionalWrites=false, so that Stowage checks before writing"
                    + " (not atomic).");
          }
          return store.capabilities().contains(Capability.ATOMIC_CREATE)
              ? "refused the second write (atomic)"
              : "refused the second write (checked before writing: not atomic)";
        });

    if (!options.checkSignedUrl()) {
      skip("signed-url", "not asked for");
    } else if (!store.capabilities().contains(Capability.SIGNED_URLS)) {
      skip("signed-url", "the store does not offer signed URLs");
    } else {
      step(
          "signed-url",
          needsProbe,
          () -> {
            URI url = store.createSignedUrl(bucket, probe, Duration.ofMinutes(5));
            HttpResponse<byte[]> response =
                HttpClient.newBuilder()
                    .connectTimeout(options.httpTimeout())
                    .build()
                    .send(
                        HttpRequest.newBuilder(url).timeout(options.httpTimeout()).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
              throw new CheckFailed(
                  "GET of the signed URL "
                      + withoutQuery(url)
                      + " answered HTTP "
                      + response.statusCode(),
                  "Signed URLs point at the public endpoint: check that it is reachable from"
                      + " here, the clock of this machine, and for S3 publicUrl,"
                      + " s3ForcePathStyle and signatureVersion.");
            }
            if (!Arrays.equals(sha256(response.body()), digest)) {
              throw new CheckFailed(
                  "the signed URL served other bytes than were written",
                  "Check that publicUrl points at the same store as s3Url.");
            }
            return "fetched " + withoutQuery(url) + " over HTTP, SHA-256 matches";
          });
    }

    // Always: a create-only write may have landed even when its step failed.
    step(
        "delete",
        null,
        () -> {
          store.deleteObject(bucket, probe);
          store.deleteObject(bucket, createOnly);
          if (store.objectExists(bucket, probe)) {
            throw new CheckFailed(
                "the probe object still exists after its deletion",
                "Check the permission to delete (s3:DeleteObject) and remove "
                    + probe
                    + " by hand.");
          }
          return "deleted the probe objects";
        });
  }

  /** A check the step makes itself, with its hint. */
  private static final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    CheckFailed(String message, String hint) {
      super(message, null, false, false);
      this.hint = hint;
    }
  }

  private interface Action {
    String run() throws Exception;
  }

  private boolean step(String name, String skipReason, Action action) {
    if (skipReason != null) {
      skip(name, skipReason);
      return false;
    }
    long start = System.nanoTime();
    try {
      String detail = action.run();
      steps.add(new Step(name, Status.OK, detail, Optional.empty(), since(start)));
      return true;
    } catch (CheckFailed e) {
      steps.add(new Step(name, Status.FAILED, e.getMessage(), Optional.of(e.hint), since(start)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      steps.add(new Step(name, Status.FAILED, "interrupted", Optional.empty(), since(start)));
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage());
      int marker = message.indexOf(HINT_MARKER);
      Optional<String> hint;
      if (marker >= 0) {
        hint = Optional.of(message.substring(marker + HINT_MARKER.length()).trim());
        message = message.substring(0, marker).trim();
      } else {
        hint = genericHint(e);
      }
      steps.add(new Step(name, Status.FAILED, message, hint, since(start)));
    }
    return false;
  }

  private void skip(String name, String reason) {
    steps.add(new Step(name, Status.SKIPPED, reason, Optional.empty(), Duration.ZERO));
  }

  private static Optional<String> genericHint(Exception e) {
    if (e instanceof BackupException backup) {
      if (backup.errorCode() == StandardErrorCode.NOT_SUPPORTED) {
        return Optional.of("The store does not offer this feature.");
      }
      if (backup.errorCode().category() == ErrorCategory.USER) {
        return Optional.of("Check the location's configuration and credentials.");
      }
      if (backup.errorCode().category() == ErrorCategory.EXTERNAL) {
        return Optional.of(
            "The store or the network failed: check that the store is reachable"
                + " and healthy, then run the check again.");
      }
    }
    if (e instanceof IOException) {
      return Optional.of(
          "Reading from the store failed: check the network and run the check again.");
    }
    return Optional.empty();
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String withoutQuery(URI url) {
    String text = url.toString();
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query) + "?<signature>";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
