package io.stowage.store.s3;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK objects of one store: the HTTP client (with {@code caCert} or {@code
 * insecureSkipTLSVerify}), the credentials, the resolved region, the sync {@link S3Client} (with
 * endpoint, path style and the checksum and chunked-encoding settings) and the {@link S3Presigner}
 * (with {@code publicUrl}). Closing releases them all.
 */
final class S3Clients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3Clients.class);

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final boolean ownsCredentials;
  private final String region;
  private final S3Client s3;
  private final S3Presigner presigner;

  private S3Clients(
      S3StoreConfig config,
      AwsCredentialsProvider suppliedCredentials,
      Consumer<ClientOverrideConfiguration.Builder> overrides) {
    this.http = httpClient(config);
    try {
      this.ownsCredentials = suppliedCredentials == null;
      this.credentials =
          suppliedCredentials != null ? suppliedCredentials : S3Credentials.provider(config);
      this.region = BucketRegion.resolve(config, credentials, http);
      S3Configuration.Builder service =
          S3Configuration.builder().chunkedEncodingEnabled(config.chunkedEncoding());
      var builder =
          S3Client.builder()
              .httpClient(http)
              .credentialsProvider(credentials)
              .region(Region.of(region))
              .forcePathStyle(config.forcePathStyle())
              .requestChecksumCalculation(config.requestChecksumCalculation())
              .responseChecksumValidation(config.responseChecksumValidation())
              .serviceConfiguration(service.build())
              .overrideConfiguration(overrides);
      config.endpoint().ifPresent(builder::endpointOverride);
      this.s3 = builder.build();
      var presign =
          S3Presigner.builder()
              .credentialsProvider(credentials)
              .region(Region.of(region))
              .serviceConfiguration(
                  S3Configuration.builder()
                      .pathStyleAccessEnabled(config.forcePathStyle())
                      .build());
      config.publicEndpoint().or(config::endpoint).ifPresent(presign::endpointOverride);
      this.presigner = presign.build();
    } catch (RuntimeException e) {
      closeQuietly(http);
      throw e;
    }
  }

  static S3Clients create(
      S3StoreConfig config,
      AwsCredentialsProvider credentials,
      Consumer<ClientOverrideConfiguration.Builder> overrides) {
    return new S3Clients(config, credentials, overrides);
  }

  private static SdkHttpClient httpClient(S3StoreConfig config) {
    Apache5HttpClient.Builder builder = Apache5HttpClient.builder();
    if (config.insecureSkipTlsVerify()) {
      LOG.warn(
          "insecureSkipTLSVerify=true: the certificate of {} is not checked",
          config.endpoint().map(Object::toString).orElse("the S3 endpoint"));
      return builder.buildWithDefaults(
          AttributeMap.builder()
              .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
              .build());
    }
    config
        .caCertPem()
        .ifPresent(
            pem -> {
              var managers = TlsTrust.withExtraCertificates(pem);
              builder.tlsTrustManagersProvider(() -> managers);
            });
    return builder.build();
  }

  S3Client s3() {
    return s3;
  }

  S3Presigner presigner() {
    return presigner;
  }

  AwsCredentialsProvider credentials() {
    return credentials;
  }

  String region() {
    return region;
  }

  @Override
  public void close() {
    closeQuietly(presigner);
    closeQuietly(s3);
    if (ownsCredentials && credentials instanceof AutoCloseable) {
      closeQuietly((AutoCloseable) credentials);
    }
    closeQuietly(http);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.debug("ignoring a failure to close {}: {}", resource, e.getMessage());
    }
  }
}
