package io.stowage.store.s3;

import static io.stowage.store.s3.S3ConfigKeys.*;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ConfigKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * The S3 store's settings, parsed and checked from a BackupStorageLocation config map (Velero's
 * {@code spec.config} plus {@code bucket}, {@code prefix}, {@code caCert} and {@code
 * credentialsFile}). Parsing does no I/O: files and secrets are read when the store is created.
 *
 * <p>{@link #toString()} shows no secret: neither the CA certificate nor key material, only paths.
 */
public final class S3StoreConfig {
  /** Default multipart part size, and the largest object sent as one PutObject. */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  /** S3's smallest part (all parts but the last). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** The largest part Stowage buffers. */
  public static final long MAX_PART_SIZE = 1024L * 1024 * 1024;

  private final String bucket;
  private final String prefix;
  private final Optional<String> region;
  private final Optional<URI> endpoint;
  private final Optional<URI> publicEndpoint;
  private final boolean forcePathStyle;
  private final boolean insecureSkipTlsVerify;
  private final Optional<String> caCertPem;
  private final S3Encryption encryption;
  private final Optional<String> tagging;
  private final boolean signatureV2ForUrls;
  private final Optional<String> profile;
  private final Optional<Path> credentialsFile;
  private final boolean enableSharedConfig;
  private final CompatibilityMode compatibilityMode;
  private final Optional<UploadChecksum> checksum;
  private final RequestChecksumCalculation requestChecksumCalculation;
  private final ResponseChecksumValidation responseChecksumValidation;
  private final boolean chunkedEncoding;
  private final boolean contentMd5;
  private final boolean verifyETag;
  private final boolean conditionalWrites;
  private final long partSize;
  private final int partRetries;

  private S3StoreConfig(Map<String, String> config) {
    ConfigKeys.requireValidStoreKeys(config, S3ConfigKeys.ALL);
    Reader in = new Reader(config);
    bucket = trimSlashes(in.string(BUCKET).orElse(""));
    prefix = trimSlashes(in.string(PREFIX).orElse(""));
    region = in.string(REGION);
    endpoint = in.uri(S3_URL);
    publicEndpoint = in.uri(PUBLIC_URL);
    forcePathStyle = in.bool(S3_FORCE_PATH_STYLE, false);
    insecureSkipTlsVerify = in.bool(INSECURE_SKIP_TLS_VERIFY, false);
    caCertPem = in.string(CA_CERT);
    encryption = encryption(in);
    tagging = in.string(TAGGING);
    signatureV2ForUrls = signatureVersion(in);
    profile = in.string(PROFILE);
    credentialsFile = in.string(CREDENTIALS_FILE).map(Path::of);
    enableSharedConfig = in.bool(ENABLE_SHARED_CONFIG, false);

    compatibilityMode =
        in.parsed(COMPATIBILITY_MODE, CompatibilityMode::parse, "default or legacy")
            .orElse(CompatibilityMode.DEFAULT);
    boolean legacy = compatibilityMode == CompatibilityMode.LEGACY;
    if (config.containsKey(CHECKSUM_ALGORITHM)) {
      // Present but empty disables checksums, as in Velero's AWS plugin.
      checksum =
          in.parsed(
              CHECKSUM_ALGORITHM,
              UploadChecksum::parse,
              "CRC32, CRC32C, SHA1, SHA256, or \"\" to disable checksums");
    } else {
      checksum = legacy ? Optional.empty() : Optional.of(UploadChecksum.CRC32);
    }
    // Without a checksum of ours, WHEN_SUPPORTED would make the SDK add its own CRC32 trailer:
    // "" must really mean no checksum (velero#9951).
    RequestChecksumCalculation requestDefault =
        legacy || checksum.isEmpty()
            ? RequestChecksumCalculation.WHEN_REQUIRED
            : RequestChecksumCalculation.WHEN_SUPPORTED;
    requestChecksumCalculation =
        in.parsed(
                REQUEST_CHECKSUM_CALCULATION,
                v -> RequestChecksumCalculation.valueOf(upper(v)),
                "WHEN_SUPPORTED or WHEN_REQUIRED")
            .orElse(requestDefault);
    responseChecksumValidation =
        in.parsed(
                RESPONSE_CHECKSUM_VALIDATION,
                v -> ResponseChecksumValidation.valueOf(upper(v)),
                "WHEN_SUPPORTED or WHEN_REQUIRED")
            .orElse(
                legacy
                    ? ResponseChecksumValidation.WHEN_REQUIRED
                    : ResponseChecksumValidation.WHEN_SUPPORTED);
    chunkedEncoding = in.bool(CHUNKED_ENCODING, !legacy);
    contentMd5 = in.bool(CONTENT_MD5, legacy);
    verifyETag = in.bool(VERIFY_ETAG, true);
    conditionalWrites = in.bool(CONDITIONAL_WRITES, true);
    partSize =
        in.parsed(MULTIPART_PART_SIZE, S3StoreConfig::parseSize, "a size such as 8Mi or 16777216")
            .orElse(DEFAULT_PART_SIZE);
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw invalid(
          MULTIPART_PART_SIZE,
          config.get(MULTIPART_PART_SIZE),
          "a size between 5Mi (S3's smallest part) and 1Gi");
    }
    partRetries =
        in.parsed(MULTIPART_PART_RETRIES, Integer::parseInt, "a number from 0 to 10").orElse(2);
    if (partRetries < 0 || partRetries > 10) {
      throw invalid(MULTIPART_PART_RETRIES, config.get(MULTIPART_PART_RETRIES), "0 to 10");
    }
  }

  /**
   * Parses and checks a config map. Throws {@link BackupException} with {@link
   * StandardErrorCode#INVALID_ARGUMENT} naming the key, for unknown keys (with the list of valid
   * ones) and for bad values.
   */
  public static S3StoreConfig parse(Map<String, String> config) {
    return new S3StoreConfig(Map.copyOf(config));
  }

  private static S3Encryption encryption(Reader in) {
    Optional<String> kms = in.string(KMS_KEY_ID);
    Optional<String> keyFile = in.string(CUSTOMER_KEY_ENCRYPTION_FILE);
    Optional<String> keySecret = in.string(CUSTOMER_KEY_ENCRYPTION_SECRET);
    Optional<String> sse = in.string(SERVER_SIDE_ENCRYPTION);
    int set = (kms.isPresent() ? 1 : 0) + (keyFile.isPresent() ? 1 : 0);
    set += keySecret.isPresent() ? 1 : 0;
    if (set > 1) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "only one of kmsKeyId, customerKeyEncryptionFile and customerKeyEncryptionSecret may be"
              + " set in the BackupStorageLocation config");
    }
    if (kms.isPresent()) {
      // As in Velero: serverSideEncryption is ignored when a KMS key is given.
      return new S3Encryption(S3Encryption.Kind.KMS, Optional.of("aws:kms"), kms, Optional.empty());
    }
    if (keyFile.isPresent() || keySecret.isPresent()) {
      if (sse.isPresent()) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT,
            "serverSideEncryption cannot be combined with a customer-provided key (SSE-C); remove"
                + " one of them from the BackupStorageLocation config");
      }
      return keyFile.isPresent()
          ? new S3Encryption(
              S3Encryption.Kind.CUSTOMER_KEY, Optional.empty(), Optional.empty(), keyFile)
          : new S3Encryption(
              S3Encryption.Kind.CUSTOMER_KEY_SECRET, Optional.empty(), Optional.empty(), keySecret);
    }
    return sse.map(
            algorithm ->
                new S3Encryption(
                    S3Encryption.Kind.SERVER_MANAGED,
                    Optional.of(algorithm),
                    Optional.empty(),
                    Optional.empty()))
        .orElseGet(S3Encryption::none);
  }

  private static boolean signatureVersion(Reader in) {
    Optional<String> version = in.string(SIGNATURE_VERSION);
    if (version.isEmpty() || version.get().equals("4")) {
      return false;
    }
    if (version.get().equals("1")) {
      return true;
    }
    throw invalid(SIGNATURE_VERSION, version.get(), "\"1\" or \"4\"");
  }

  /** Parses {@code 16777216}, {@code 16Mi}, {@code 16MiB}, {@code 512Ki}, {@code 1Gi}. */
  static long parseSize(String value) {
    String v = value.trim();
    long unit = 1;
    String lower = v.toLowerCase(Locale.ROOT);
    String[][] units = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}};
    for (String[] u : units) {
      if (lower.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        v = v.substring(0, v.length() - 3);
        break;
      }
      String shortForm = u[0].substring(0, 2);
      if (lower.endsWith(shortForm)) {
        unit = Long.parseLong(u[1]);
        v = v.substring(0, v.length() - 2);
        break;
      }
    }
    return Math.multiplyExact(Long.parseLong(v.trim()), unit);
  }

  private static String upper(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  private static String trimSlashes(String value) {
    String v = value;
    while (v.startsWith("/")) {
      v = v.substring(1);
    }
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }

  private static BackupException invalid(String key, String value, String expected) {
    return new BackupException(
        StandardErrorCode.INVALID_ARGUMENT,
        "invalid value \"" + value + "\" for config key " + key + ": use " + expected);
  }

  /** Reads typed values from the map. */
  private static final class Reader {
    private final Map<String, String> config;

    Reader(Map<String, String> config) {
      this.config = config;
    }

    Optional<String> string(String key) {
      String value = config.get(key);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Go's strconv.ParseBool, which Velero's AWS plugin uses. */
    boolean bool(String key, boolean defaultValue) {
      Optional<String> value = string(key);
      if (value.isEmpty()) {
        return defaultValue;
      }
      switch (value.get()) {
        case "1":
        case "t":
        case "T":
        case "true":
        case "TRUE":
        case "True":
          return true;
        case "0":
        case "f":
        case "F":
        case "false":
        case "FALSE":
        case "False":
          return false;
        default:
          throw invalid(key, value.get(), "true or false");
      }
    }

    Optional<URI> uri(String key) {
      Optional<String> value = string(key);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        URI uri = new URI(value.get());
        if (uri.getScheme() == null
            || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
          throw invalid(key, value.get(), "an http:// or https:// URL such as https://minio:9000");
        }
        return Optional.of(uri);
      } catch (URISyntaxException e) {
        throw invalid(key, value.get(), "an http:// or https:// URL such as https://minio:9000");
      }
    }

    <T> Optional<T> parsed(
        String key, java.util.function.Function<String, T> parser, String expected) {
      String raw = config.get(key);
      if (raw == null || raw.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parser.apply(raw.trim()));
      } catch (RuntimeException e) {
        throw invalid(key, raw, expected);
      }
    }
  }

  /** The bucket from the config ({@code ""} when the config has none). */
  public String bucket() {
    return bucket;
  }

  /** The prefix from the config, trimmed of {@code /} ({@code ""} when unset). */
  public String prefix() {
    return prefix;
  }

  /** {@code region}; empty means: discover it ({@code s3Url} unset) or us-east-1. */
  public Optional<String> region() {
    return region;
  }

  /** {@code s3Url}: a custom endpoint. */
  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** {@code publicUrl}: the endpoint put into signed URLs. */
  public Optional<URI> publicEndpoint() {
    return publicEndpoint;
  }

  public boolean forcePathStyle() {
    return forcePathStyle;
  }

  public boolean insecureSkipTlsVerify() {
    return insecureSkipTlsVerify;
  }

  /** PEM text of extra CA certificates to trust. */
  public Optional<String> caCertPem() {
    return caCertPem;
  }

  public S3Encryption encryption() {
    return encryption;
  }

  /** Object tags in URL query form, {@code k1=v1&k2=v2}. */
  public Optional<String> tagging() {
    return tagging;
  }

  /** {@code signatureVersion: "1"}: signed URLs use S3's query-string signature version 2. */
  public boolean signatureV2ForUrls() {
    return signatureV2ForUrls;
  }

  public Optional<String> profile() {
    return profile;
  }

  public Optional<Path> credentialsFile() {
    return credentialsFile;
  }

  public boolean enableSharedConfig() {
    return enableSharedConfig;
  }

  public CompatibilityMode compatibilityMode() {
    return compatibilityMode;
  }

  /** The flexible checksum sent with every upload; empty when disabled. */
  public Optional<UploadChecksum> checksum() {
    return checksum;
  }

  public RequestChecksumCalculation requestChecksumCalculation() {
    return requestChecksumCalculation;
  }

  public ResponseChecksumValidation responseChecksumValidation() {
    return responseChecksumValidation;
  }

  public boolean chunkedEncoding() {
    return chunkedEncoding;
  }

  public boolean contentMd5() {
    return contentMd5;
  }

  /** Compare ETags with MD5s; off when the encryption makes ETags something else. */
  public boolean verifyETag() {
    return verifyETag && encryption.etagIsMd5();
  }

  public boolean conditionalWrites() {
    return conditionalWrites;
  }

  public long partSize() {
    return partSize;
  }

  public int partRetries() {
    return partRetries;
  }

  /** Where requests go, for messages: the custom endpoint, or AWS S3 in the region. */
  public String endpointDescription(String resolvedRegion) {
    return endpoint
        .map(URI::toString)
        .orElse("AWS S3 (region " + (resolvedRegion == null ? "unknown" : resolvedRegion) + ")");
  }

  @Override
  public String toString() {
    return "S3StoreConfig{bucket="
        + bucket
        + ", prefix="
        + prefix
        + ", region="
        + region.orElse("")
        + ", s3Url="
        + endpoint.map(URI::toString).orElse("")
        + ", publicUrl="
        + publicEndpoint.map(URI::toString).orElse("")
        + ", s3ForcePathStyle="
        + forcePathStyle
        + ", insecureSkipTLSVerify="
        + insecureSkipTlsVerify
        + ", caCert="
        + (caCertPem.isPresent() ? "<set>" : "")
        + ", encryption="
        + encryption.kind()
        + ", profile="
        + profile.orElse("")
        + ", credentialsFile="
        + credentialsFile.map(Path::toString).orElse("")
        + ", compatibilityMode="
        + compatibilityMode
        + ", checksumAlgorithm="
        + checksum.map(Enum::name).orElse("")
        + ", requestChecksumCalculation="
        + requestChecksumCalculation
        + ", responseChecksumValidation="
        + responseChecksumValidation
        + ", chunkedEncoding="
        + chunkedEncoding
        + ", contentMd5="
        + contentMd5
        + ", verifyETag="
        + verifyETag
        + ", conditionalWrites="
        + conditionalWrites
        + ", multipartPartSize="
        + partSize
        + ", multipartPartRetries="
        + partRetries
        + "}";
  }
}
