package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.ObjectBackupStore;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectBackupStore} on Amazon S3 and S3-compatible stores (MinIO, Ceph RGW, ...) with the
 * AWS SDK for Java v2 and its sync client. Configured with the keys of Velero's AWS plugin plus
 * Stowage's compatibility keys ({@link S3ConfigKeys}, parsed by {@link S3StoreConfig}).
 *
 * <ul>
 *   <li>{@link #putObject} streams any size with bounded memory (one PutObject up to {@code
 *       multipartPartSize}, a multipart upload beyond), verifies each part and the whole object
 *       against digests computed while reading, and aborts a failed upload: nothing partial is ever
 *       visible.
 *   <li>{@link #putObjectIfAbsent} is atomic through {@code If-None-Match: *} unless {@code
 *       conditionalWrites=false}, in which case it checks, then writes, and {@link
 *       Capability#ATOMIC_CREATE} is not announced.
 *   <li>{@link #getObject} is a plain streamed GetObject; listings page through ListObjectsV2.
 *   <li>{@link #createSignedUrl} signs with SigV4 (or SigV2 for {@code signatureVersion: "1"})
 *       against {@code publicUrl}; not offered with SSE-C, whose reads need the key in headers.
 *   <li>Failures are {@link S3StoreException}s naming bucket, key and endpoint, with a hint of what
 *       to check.
 * </ul>
 *
 * Thread-safe. {@link #close()} releases the HTTP connections and the upload threads.
 */
public final class S3ObjectBackupStore implements ObjectBackupStore {
  private final S3StoreConfig config;
  private final S3Clients clients;
  private final S3Client s3;
  private final ObjectRequests requests;
  private final S3Errors errors;
  private final StreamingUploader uploader;
  private final SignedUrls signedUrls;
  private final ExecutorService workers;

  private S3ObjectBackupStore(Builder builder) {
    this.config = builder.config;
    Optional<CustomerKeys.CustomerKey> customerKey =
        CustomerKeys.load(config.encryption(), builder.cluster, builder.environment);
    this.clients = S3Clients.create(config, builder.credentials, builder.overrides);
    this.s3 = clients.s3();
    this.errors = new S3Errors(config, clients.region());
    this.requests =
        new ObjectRequests(
            config.encryption(),
            customerKey,
            config.tagging(),
            config.checksum(),
            config.contentMd5());
    this.workers = Executors.newCachedThreadPool(new UploadThreads());
    this.uploader =
        new StreamingUploader(
            s3,
            requests,
            new UploadVerifier(config.verifyETag(), config.checksum()),
            errors,
            workers,
            config.partSize(),
            config.partRetries());
    this.signedUrls = new SignedUrls(clients, config, Clock.systemUTC());
  }

  /** Creates a store from a BackupStorageLocation config map; see {@link S3ConfigKeys}. */
  public static S3ObjectBackupStore create(Map<String, String> config) {
    return builder(S3StoreConfig.parse(config)).build();
  }

  public static Builder builder(S3StoreConfig config) {
    return new Builder(config);
  }

  /** Options beyond the config map, for hosts that embed the store. */
  public static final class Builder {
    private final S3StoreConfig config;
    private Optional<ClusterAccess> cluster = Optional.empty();
    private AwsCredentialsProvider credentials;
    private Consumer<ClientOverrideConfiguration.Builder> overrides = b -> {};
    private Map<String, String> environment = System.getenv();

    private Builder(S3StoreConfig config) {
      this.config = config;
    }

    /** The cluster, to read {@code customerKeyEncryptionSecret}. */
    public Builder cluster(Optional<ClusterAccess> cluster) {
      this.cluster = cluster;
      return this;
    }

    /** Credentials to use instead of those the config names. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Adjusts the SDK client: execution interceptors, metric publishers, retry strategy, timeouts.
     */
    public Builder overrideConfiguration(Consumer<ClientOverrideConfiguration.Builder> overrides) {
      this.overrides = overrides;
      return this;
    }

    /** The environment ({@code VELERO_NAMESPACE}); the process environment by default. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    public S3ObjectBackupStore build() {
      return new S3ObjectBackupStore(this);
    }
  }

  /** The settings the store runs with. */
  public S3StoreConfig config() {
    return config;
  }

  /** The region requests are signed for (configured, discovered, or us-east-1 with s3Url). */
  public String region() {
    return clients.region();
  }

  @Override
  public void putObject(String bucket, String key, InputStream body) {
    checkKey(bucket, key);
    uploader.upload(bucket, key, body, false);
  }

  @Override
  public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
    checkKey(bucket, key);
    if (!config.conditionalWrites()) {
      return ObjectBackupStore.super.putObjectIfAbsent(bucket, key, body);
    }
    return uploader.upload(bucket, key, body, true);
  }

  @Override
  public boolean objectExists(String bucket, String key) {
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

  @Override
  public InputStream getObject(String bucket, String key) {
    try {
      ResponseInputStream<GetObjectResponse> body = s3.getObject(requests.get(bucket, key));
      return new S3ObjectInputStream(body);
    } catch (NoSuchKeyException e) {
      throw new ObjectNotFoundException(bucket, key);
    } catch (AwsServiceException e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
        throw new ObjectNotFoundException(bucket, key);
      }
      throw errors.translate(e, "GetObject", bucket, key, false);
    } catch (SdkException e) {
      throw errors.translate(e, "GetObject", bucket, key, false);
    }
  }

  @Override
  public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
    List<String> prefixes = new ArrayList<>();
    try {
      for (ListObjectsV2Response page :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter(delimiter))) {
        for (CommonPrefix common : page.commonPrefixes()) {
          prefixes.add(common.prefix());
        }
      }
    } catch (SdkException e) {
      throw errors.translate(e, "ListObjectsV2", bucket, null, false);
    }
    Collections.sort(prefixes);
    return prefixes;
  }

  @Override
  public List<String> listObjects(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (ListObjectsV2Response page :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
        for (S3Object object : page.contents()) {
          keys.add(object.key());
        }
      }
    } catch (SdkException e) {
      throw errors.translate(e, "ListObjectsV2", bucket, null, false);
    }
    Collections.sort(keys);
    return keys;
  }

  @Override
  public void deleteObject(String bucket, String key) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      // Already gone.
    } catch (SdkException e) {
      throw errors.translate(e, "DeleteObject", bucket, key, false);
    }
  }

  @Override
  public URI createSignedUrl(String bucket, String key, Duration ttl) {
    if (config.encryption().customerKey()) {
      throw new BackupException(
          StandardErrorCode.NOT_SUPPORTED,
          "signed URLs cannot serve objects encrypted with a customer-provided key (SSE-C): the"
              + " key would have to travel in headers; download through the store instead");
    }
    try {
      return signedUrls.get(bucket, key, ttl);
    } catch (SdkException e) {
      throw errors.translate(e, "PresignGetObject", bucket, key, false);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    if (!config.encryption().customerKey()) {
      capabilities.add(Capability.SIGNED_URLS);
    }
    if (config.conditionalWrites()) {
      capabilities.add(Capability.ATOMIC_CREATE);
    }
    return Collections.unmodifiableSet(capabilities);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    clients.close();
  }

  @Override
  public String toString() {
    return "S3ObjectBackupStore{" + errors.endpoint() + ", " + config + "}";
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static void checkKey(String bucket, String key) {
    if (bucket == null || bucket.isEmpty()) {
      throw new BackupException(StandardErrorCode.INVALID_ARGUMENT, "bucket name is empty");
    }
    if (key == null || key.isEmpty()) {
      throw new BackupException(StandardErrorCode.INVALID_ARGUMENT, "object key is empty");
    }
  }

  /** Daemon threads that upload parts while the caller reads the next one. */
  private static final class UploadThreads implements ThreadFactory {
    private static final AtomicInteger STORES = new AtomicInteger();
    private final int store = STORES.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread =
          new Thread(task, "stowage-s3-" + store + "-upload-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
