package io.stowage.store.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * A real S3 server for one test class: S3Proxy 4.1.0 embedded in the test JVM with the {@code
 * transient} (in-memory) store, SigV4 authentication with static keys, unknown headers ignored, on
 * an ephemeral loopback port. Register it with {@code @RegisterExtension static final EmbeddedS3 S3
 * = new EmbeddedS3();}; it starts before the first test and stops after the last.
 *
 * <p>It writes a Velero-style credentials file and hands out config maps for the store, and a plain
 * SDK client ({@link #admin()}) for assertions that must not go through the store.
 */
public final class EmbeddedS3 implements BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "AKIDSTOWAGETEST";
  public static final String SECRET_KEY = "stowage-test-secret-key";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private final AuthenticationType authentication;
  private final Path keyStore;
  private final String keyStorePassword;
  private S3Proxy proxy;
  private URI endpoint;
  private Path credentialsFile;
  private S3Client admin;

  public EmbeddedS3() {
    this(AuthenticationType.AWS_V4);
  }

  public EmbeddedS3(AuthenticationType authentication) {
    this(authentication, null, null);
  }

  /**
   * A server that answers only over TLS, with the key and certificate of a PKCS#12 key store.
   * {@link #endpoint()} is then an {@code https://} URL.
   */
  public EmbeddedS3(Path keyStore, String keyStorePassword) {
    this(AuthenticationType.AWS_V4, keyStore, keyStorePassword);
  }

  private EmbeddedS3(AuthenticationType authentication, Path keyStore, String password) {
    this.authentication = authentication;
    this.keyStore = keyStore;
    this.keyStorePassword = password;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** Starts the server; for use outside JUnit (the benchmark). */
  public void start() throws Exception {
    S3Proxy.Builder builder =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient", new Properties()))
            .awsAuthentication(authentication, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true);
    if (keyStore == null) {
      builder.endpoint(URI.create("http://127.0.0.1:0"));
    } else {
      builder
          .secureEndpoint(URI.create("https://127.0.0.1:0"))
          .keyStore(keyStore.toString(), keyStorePassword);
    }
    proxy = builder.build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
    endpoint =
        keyStore == null
            ? URI.create("http://127.0.0.1:" + proxy.getPort())
            : URI.create("https://127.0.0.1:" + proxy.getSecurePort());
    credentialsFile = writeCredentials(ACCESS_KEY, SECRET_KEY);
    admin =
        S3Client.builder()
            .httpClient(
                keyStore == null
                    ? Apache5HttpClient.create()
                    : Apache5HttpClient.builder()
                        .buildWithDefaults(
                            AttributeMap.builder()
                                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)
                                .build()))
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .build();
  }

  public void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (credentialsFile != null) {
      Files.deleteIfExists(credentialsFile);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return keyStore == null ? proxy.getPort() : proxy.getSecurePort();
  }

  /** The credentials file with the right keys, profile {@code default}. */
  public Path credentialsFile() {
    return credentialsFile;
  }

  /** A plain SDK client, independent of the store under test. */
  public S3Client admin() {
    return admin;
  }

  /** Creates a bucket with a unique name and returns the name. */
  public String newBucket(String hint) {
    String name =
        (hint.toLowerCase().replaceAll("[^a-z0-9-]", "-") + "-" + BUCKETS.incrementAndGet())
            .replaceAll("-+", "-");
    if (name.length() > 60) {
      name = name.substring(name.length() - 60).replaceAll("^-+", "");
    }
    final String bucket = name;
    admin.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** Deletes every object and aborts every multipart upload in the bucket. */
  public void empty(String bucket) {
    for (S3Object object : admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
      admin.deleteObject(b -> b.bucket(bucket).key(object.key()));
    }
    for (MultipartUpload upload : admin.listMultipartUploads(b -> b.bucket(bucket)).uploads()) {
      admin.abortMultipartUpload(
          b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
    }
  }

  /**
   * A BackupStorageLocation config for {@code bucket} as Velero would pass it: {@code s3Url}, path
   * style, region, and {@code credentialsFile}, plus {@code extra}.
   */
  public Map<String, String> config(String bucket, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>();
    config.put("bucket", bucket);
    config.put("prefix", "");
    config.put("region", "us-east-1");
    config.put("s3Url", endpoint.toString());
    config.put("s3ForcePathStyle", "true");
    config.put("credentialsFile", credentialsFile.toString());
    config.putAll(extra);
    return config;
  }

  public Map<String, String> config(String bucket) {
    return config(bucket, Map.of());
  }

  /** Writes a shared credentials file, owner-only, deleted on exit. */
  public static Path writeCredentials(String accessKey, String secretKey) {
    try {
      Path file =
          Files.createTempFile(
              "stowage-s3-credentials",
              "",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file,
          "[default]\naws_access_key_id = "
              + accessKey
              + "\naws_secret_access_key = "
              + secretKey
              + "\n",
          StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
