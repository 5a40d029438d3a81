package io.stowage.store.s3;

import io.stowage.api.BackupException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads a stream of unknown length with bounded memory.
 *
 * <ul>
 *   <li>Content that fits in one part goes up as one PutObject from the buffered bytes.
 *   <li>Larger content goes up as a multipart upload: the caller's thread reads part {@code n+1}
 *       while a worker uploads part {@code n}, so at most two part buffers exist. The part size
 *       doubles every 1000 parts so that S3's limit of 10,000 parts allows objects of several TiB.
 *   <li>Every part carries the digests computed while it was read ({@link PartReader}); the
 *       response is verified ({@link UploadVerifier}). A failed part is retried a bounded number of
 *       times on top of the SDK's retries, when the failure can be transient.
 *   <li>On any failure (the caller's stream, a part, verification, completion) the multipart upload
 *       is aborted, so no parts stay behind and no object appears.
 *   <li>Create-only writes send {@code If-None-Match: *} on the PutObject or the
 *       CompleteMultipartUpload; a 412 answer means the object exists.
 * </ul>
 */
final class StreamingUploader {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingUploader.class);
  private static final int MAX_PARTS = 10_000;
  private static final int PARTS_PER_SIZE_STEP = 1000;

  private final S3Client s3;
  private final ObjectRequests requests;
  private final UploadVerifier verifier;
  private final S3Errors errors;
  private final ExecutorService workers;
  private final long partSize;
  private final int partRetries;

  StreamingUploader(
      S3Client s3,
      ObjectRequests requests,
      UploadVerifier verifier,
      S3Errors errors,
      ExecutorService workers,
      long partSize,
      int partRetries) {
    this.s3 = s3;
    this.requests = requests;
    this.verifier = verifier;
    this.errors = errors;
    this.workers = workers;
    this.partSize = partSize;
    this.partRetries = partRetries;
  }

  /**
   * Uploads {@code body} to its end. With {@code ifAbsent}, answers {@code false} without writing
   * when the object exists (atomically, through {@code If-None-Match}); otherwise answers {@code
   * true} once the object is complete and verified.
   */
  boolean upload(String bucket, String key, InputStream body, boolean ifAbsent) {
    PartReader reader = new PartReader(body, requests.checksum());
    PartBuffer first = new PartBuffer();
    boolean last = read(reader, first, partSizeFor(1), bucket, key);
    if (last) {
      return putSingle(bucket, key, first, ifAbsent);
    }
    if (ifAbsent && exists(bucket, key)) {
      // Cheap early answer; the If-None-Match on completion stays the real guard.
      drain(body);
      return false;
    }
    return putMultipart(bucket, key, reader, first, ifAbsent);
  }

  private boolean putSingle(String bucket, String key, PartBuffer body, boolean ifAbsent) {
    String what = errors.location(bucket, key);
    PutObjectResponse response;
    try {
      response =
          withRetries(
              () ->
                  s3.putObject(
                      requests.put(bucket, key, body, ifAbsent),
                      RequestBody.fromContentProvider(
                          body::newStream, body.length(), ObjectRequests.contentType())),
              "PutObject",
              bucket,
              key,
              ifAbsent);
    } catch (AwsServiceException e) {
      if (ifAbsent && e.statusCode() == 412) {
        return false;
      }
      throw errors.translate(e, "PutObject", bucket, key, ifAbsent);
    }
    try {
      verifier.verifySinglePart(what, body, response.eTag(), requests.returned(response));
    } catch (S3StoreException mismatch) {
      // The server stored something else: do not leave it readable as if it were the content.
      deleteQuietly(bucket, key, mismatch);
      throw mismatch;
    }
    return true;
  }

  private boolean putMultipart(
      String bucket, String key, PartReader reader, PartBuffer first, boolean ifAbsent) {
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(requests.createMultipart(bucket, key)).uploadId();
    } catch (SdkException e) {
      throw errors.translate(e, "CreateMultipartUpload", bucket, key, false);
    }
    List<CompletedPart> parts = new ArrayList<>();
    List<byte[]> md5s = new ArrayList<>();
    List<byte[]> checksums = new ArrayList<>();
    Future<CompletedPart> inFlight = null;
    boolean completed = false;
    try {
      PartBuffer sending = first;
      PartBuffer filling = new PartBuffer();
      int partNumber = 1;
      boolean last = false;
      while (true) {
        final PartBuffer part = sending;
        final int number = partNumber;
        inFlight = workers.submit(() -> uploadPart(bucket, key, uploadId, number, part));
        if (!last) {
          partNumber++;
          if (partNumber > MAX_PARTS) {
            throw new S3StoreException(
                S3ErrorCode.REQUEST_FAILED,
                "the object for "
                    + errors.location(bucket, key)
                    + " exceeds "
                    + MAX_PARTS
                    + " parts.",
                "Raise multipartPartSize.",
                null);
          }
          last = read(reader, filling, partSizeFor(partNumber), bucket, key);
        }
        parts.add(await(inFlight));
        inFlight = null;
        md5s.add(part.md5());
        part.checksum().ifPresent(checksums::add);
        if (parts.size() == partNumber) {
          break;
        }
        sending = filling;
        filling = part;
      }
      CompleteMultipartUploadResponse done;
      try {
        done =
            withRetries(
                () ->
                    s3.completeMultipartUpload(
                        requests.complete(bucket, key, uploadId, parts, ifAbsent)),
                "CompleteMultipartUpload",
                bucket,
                key,
                ifAbsent);
      } catch (AwsServiceException e) {
        if (ifAbsent && e.statusCode() == 412) {
          abortQuietly(bucket, key, uploadId, null);
          return false;
        }
        throw errors.translate(e, "CompleteMultipartUpload", bucket, key, ifAbsent);
      }
      completed = true;
      try {
        verifier.verifyMultipart(
            errors.location(bucket, key) + " (" + parts.size() + " parts)",
            md5s,
            checksums,
            done.eTag(),
            requests.returned(done));
      } catch (S3StoreException mismatch) {
        deleteQuietly(bucket, key, mismatch);
        throw mismatch;
      }
      return true;
    } catch (RuntimeException | Error e) {
      if (inFlight != null) {
        waitQuietly(inFlight);
      }
      if (!completed) {
        abortQuietly(bucket, key, uploadId, e);
      }
      throw e;
    }
  }

  private CompletedPart uploadPart(
      String bucket, String key, String uploadId, int partNumber, PartBuffer part) {
    String what = "part " + partNumber + " of " + errors.location(bucket, key);
    return withRetries(
        () -> {
          UploadPartResponse response =
              s3.uploadPart(
                  requests.uploadPart(bucket, key, uploadId, partNumber, part),
                  RequestBody.fromContentProvider(
                      part::newStream, part.length(), ObjectRequests.contentType()));
          verifier.verifySinglePart(what, part, response.eTag(), requests.returned(response));
          return requests.completedPart(partNumber, response.eTag(), part);
        },
        "UploadPart",
        bucket,
        key,
        false);
  }

  /**
   * Runs {@code call}; on a failure that can be transient (a damaged body, a 5xx or network error
   * left after the SDK's own retries, a conflict) tries again up to {@code partRetries} times.
   * Service errors that are final are thrown as they are for the caller to interpret.
   */
  private <T> T withRetries(
      java.util.function.Supplier<T> call,
      String operation,
      String bucket,
      String key,
      boolean conditional) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt > partRetries || !mayBeTransient(e)) {
          if (e instanceof AwsServiceException && !(conditional && isFinalForCaller(e))) {
            throw errors.translate((SdkException) e, operation, bucket, key, conditional);
          }
          if (e instanceof SdkClientException) {
            throw errors.translate((SdkException) e, operation, bucket, key, conditional);
          }
          throw e;
        }
        LOG.warn(
            "{} for {} failed (attempt {} of {}), retrying: {}",
            operation,
            errors.location(bucket, key),
            attempt,
            partRetries + 1,
            e.getMessage());
        sleep(200L * attempt);
      }
    }
  }

  /** A 412 with a conditional request is an answer, not an error: the caller handles it. */
  private static boolean isFinalForCaller(RuntimeException e) {
    return ((AwsServiceException) e).statusCode() == 412;
  }

  private static boolean mayBeTransient(RuntimeException e) {
    if (e instanceof S3StoreException) {
      return ((S3StoreException) e).errorCode() == S3ErrorCode.INTEGRITY_MISMATCH;
    }
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      String code =
          service.awsErrorDetails() == null
              ? ""
              : String.valueOf(service.awsErrorDetails().errorCode());
      return service.statusCode() >= 500 && service.statusCode() != 501
          || service.statusCode() == 409 && code.equals("ConditionalRequestConflict")
          || code.equals("BadDigest")
          || code.equals("XAmzContentSHA256Mismatch")
          || code.equals("RequestTimeout")
          || code.equals("IncompleteBody");
    }
    if (e instanceof SdkClientException) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof IOException) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean read(PartReader reader, PartBuffer buffer, int size, String bucket, String key) {
    try {
      return reader.fill(buffer, size);
    } catch (IOException e) {
      throw new S3StoreException(
          S3ErrorCode.SOURCE_READ_FAILED,
          "error reading the content to upload to "
              + errors.location(bucket, key)
              + " after "
              + reader.total()
              + " bytes: "
              + e.getMessage()
              + ".",
          "Nothing was stored; the source of the content failed, not the store.",
          e);
    }
  }

  private boolean exists(String bucket, String key) {
    try {
      s3.headObject(requests.head(bucket, key));
      return true;
    } catch (AwsServiceException e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw errors.translate(e, "HeadObject", bucket, key, false);
    } catch (SdkException e) {
      throw errors.translate(e, "HeadObject", bucket, key, false);
    }
  }

  /** The part size for part {@code n}: doubles every 1000 parts, up to 1 GiB. */
  int partSizeFor(int partNumber) {
    int doublings = (partNumber - 1) / PARTS_PER_SIZE_STEP;
    long size = partSize << Math.min(doublings, 20);
    return (int) Math.min(size, S3StoreConfig.MAX_PART_SIZE);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(
          io.stowage.api.StandardErrorCode.STORE_FAILED, "upload interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Lets a part in flight finish (or fail) so that the abort that follows is the last word. */
  private static void waitQuietly(Future<?> future) {
    boolean interrupted = false;
    while (true) {
      try {
        future.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void abortQuietly(String bucket, String key, String uploadId, Throwable failure) {
    try {
      s3.abortMultipartUpload(requests.abort(bucket, key, uploadId));
    } catch (RuntimeException abortFailure) {
      LOG.warn(
          "could not abort multipart upload {} of {}; a bucket lifecycle rule"
              + " (AbortIncompleteMultipartUpload) will have to remove its parts: {}",
          uploadId,
          errors.location(bucket, key),
          abortFailure.getMessage());
      if (failure != null) {
        failure.addSuppressed(abortFailure);
      }
    }
  }

  private void deleteQuietly(String bucket, String key, Throwable failure) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (RuntimeException deleteFailure) {
      failure.addSuppressed(deleteFailure);
    }
  }

  private static void drain(InputStream body) {
    // The contract says the body is read to its end; skip the rest without buffering it.
    try {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      LOG.debug("ignoring a read failure of content that is not uploaded: {}", e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(
          io.stowage.api.StandardErrorCode.STORE_FAILED, "upload interrupted", e);
    }
  }
}
