package io.stowage.store.s3;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Pre-signed GET URLs, pointing at {@code publicUrl} when set (else {@code s3Url}, else AWS), in
 * path style when {@code s3ForcePathStyle=true}. Signature version 4 through the SDK's {@link
 * S3Presigner}; with {@code signatureVersion: "1"} S3's older query-string signature (HMAC-SHA1,
 * {@code AWSAccessKeyId}/{@code Expires}/{@code Signature}), as Velero's AWS plugin offers for
 * stores that only know that one.
 */
final class SignedUrls {
  /** SigV4 URLs live at most 7 days. */
  static final Duration MAX_TTL = Duration.ofDays(7);

  private final S3Clients clients;
  private final S3StoreConfig config;
  private final Clock clock;

  SignedUrls(S3Clients clients, S3StoreConfig config, Clock clock) {
    this.clients = clients;
    this.config = config;
    this.clock = clock;
  }

  URI get(String bucket, String key, Duration ttl) {
    Duration validity = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
    if (config.signatureV2ForUrls()) {
      return signV2(bucket, key, validity);
    }
    S3Presigner presigner = clients.presigner();
    return URI.create(
        presigner
            .presignGetObject(
                p -> p.signatureDuration(validity).getObjectRequest(g -> g.bucket(bucket).key(key)))
            .url()
            .toString());
  }

  private URI signV2(String bucket, String key, Duration ttl) {
    AwsCredentials credentials = clients.credentials().resolveCredentials();
    Optional<String> token =
        credentials instanceof AwsSessionCredentials
            ? Optional.of(((AwsSessionCredentials) credentials).sessionToken())
            : Optional.empty();
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String encodedKey = encodePath(key);
    String resource = "/" + bucket + "/" + encodedKey;
    String toSign =
        "GET\n\n\n"
            + expires
            + "\n"
            + token.map(t -> "x-amz-security-token:" + t + "\n").orElse("")
            + resource;
    String signature;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(
          new SecretKeySpec(
              credentials.secretAccessKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      signature =
          Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
    URI base =
        config
            .publicEndpoint()
            .or(config::endpoint)
            .orElse(URI.create("https://s3." + clients.region() + ".amazonaws.com"));
    String authority = base.getRawAuthority();
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String path;
    if (config.forcePathStyle() || config.endpoint().isEmpty() && bucket.contains(".")) {
      path = basePath + resource;
    } else {
      authority = bucket + "." + authority;
      path = basePath + "/" + encodedKey;
    }
    String query =
        "AWSAccessKeyId="
            + encodeParam(credentials.accessKeyId())
            + "&Expires="
            + expires
            + "&Signature="
            + encodeParam(signature)
            + token.map(t -> "&x-amz-security-token=" + encodeParam(t)).orElse("");
    return URI.create(base.getScheme() + "://" + authority + path + "?" + query);
  }

  /** RFC 3986 encoding of a key, keeping {@code /}. */
  static String encodePath(String key) {
    StringJoiner out = new StringJoiner("/");
    for (String segment : key.split("/", -1)) {
      out.add(encodeParam(segment));
    }
    return out.toString();
  }

  static String encodeParam(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
