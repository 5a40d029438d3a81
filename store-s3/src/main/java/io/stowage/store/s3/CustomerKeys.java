package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Loads the 256-bit SSE-C key of {@code customerKeyEncryptionFile} (a file holding the 32 raw
 * bytes) or {@code customerKeyEncryptionSecret} ({@code secretName/key} of a Secret in Velero's
 * namespace, from the environment variable {@code VELERO_NAMESPACE}, default {@code velero}). The
 * key never appears in messages.
 */
final class CustomerKeys {
  static final int KEY_BYTES = 32;

  private CustomerKeys() {}

  /** The key as S3 wants it: base64 of the key and base64 of its MD5. */
  record CustomerKey(String base64Key, String base64Md5) {
    @Override
    public String toString() {
      return "CustomerKey[<hidden>]";
    }
  }

  static Optional<CustomerKey> load(
      S3Encryption encryption, Optional<ClusterAccess> cluster, Map<String, String> environment) {
    switch (encryption.kind()) {
      case CUSTOMER_KEY:
        return Optional.of(fromFile(Path.of(encryption.customerKeySource().orElseThrow())));
      case CUSTOMER_KEY_SECRET:
        return Optional.of(
            fromSecret(encryption.customerKeySource().orElseThrow(), cluster, environment));
      default:
        return Optional.empty();
    }
  }

  private static CustomerKey fromFile(Path file) {
    byte[] key;
    try {
      key = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "cannot read the SSE-C key file "
              + file
              + " (customerKeyEncryptionFile): "
              + e.getClass().getSimpleName()
              + "; check the path and that the file is mounted",
          e);
    }
    return of(key, "customerKeyEncryptionFile " + file);
  }

  private static CustomerKey fromSecret(
      String reference, Optional<ClusterAccess> cluster, Map<String, String> environment) {
    int slash = reference.indexOf('/');
    if (slash <= 0 || slash == reference.length() - 1 || reference.indexOf('/', slash + 1) >= 0) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "customerKeyEncryptionSecret must be secretName/key, not \"" + reference + "\"");
    }
    if (cluster.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "customerKeyEncryptionSecret needs access to the cluster, and this store was created"
              + " without one; use customerKeyEncryptionFile instead");
    }
    String namespace = environment.getOrDefault("VELERO_NAMESPACE", "velero");
    String name = reference.substring(0, slash);
    String dataKey = reference.substring(slash + 1);
    JsonNode secret =
        cluster
            .get()
            .get(new ResourceIdentifier(GroupResource.core("secrets"), namespace, name))
            .orElseThrow(
                () ->
                    new BackupException(
                        StandardErrorCode.INVALID_ARGUMENT,
                        "Secret "
                            + namespace
                            + "/"
                            + name
                            + " named by customerKeyEncryptionSecret does not exist"));
    JsonNode value = secret.path("data").path(dataKey);
    if (!value.isString()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "Secret "
              + namespace
              + "/"
              + name
              + " has no key "
              + dataKey
              + " (customerKeyEncryptionSecret)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.asString());
    } catch (IllegalArgumentException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "Secret " + namespace + "/" + name + " key " + dataKey + " is not base64 data");
    }
    return of(key, "customerKeyEncryptionSecret " + reference);
  }

  static CustomerKey of(byte[] key, String source) {
    if (key.length != KEY_BYTES) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "the SSE-C key from "
              + source
              + " has "
              + key.length
              + " bytes; it must be exactly 32 bytes (a raw AES-256 key, no newline)");
    }
    UploadChecksum.Digest md5 = UploadChecksum.md5();
    md5.update(key, 0, key.length);
    Base64.Encoder base64 = Base64.getEncoder();
    return new CustomerKey(base64.encodeToString(key), base64.encodeToString(md5.finish()));
  }
}
