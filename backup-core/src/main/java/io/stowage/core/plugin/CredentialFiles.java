package io.stowage.core.plugin;

import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.velero.v1.SecretKeySelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets a location refers to, read from the cluster, and the {@code credentialsFile} Velero hands
 * its plugins: the value of a location's {@code spec.credential} Secret key in a local file,
 * owner-only, deleted when the JVM exits. Used for BackupStorageLocations and
 * VolumeSnapshotLocations alike.
 */
public final class CredentialFiles {
  /** The config key under which a plugin gets the file's path. */
  public static final String CREDENTIALS_FILE = "credentialsFile";

  private static final GroupResource SECRETS = GroupResource.core("secrets");

  private CredentialFiles() {}

  /**
   * Whether {@code selector} names a Secret ({@code null} and an empty name mean no credential).
   */
  public static boolean present(SecretKeySelector selector) {
    return selector != null && selector.getName() != null && !selector.getName().isEmpty();
  }

  /**
   * The decoded value of a Secret key.
   *
   * @param owner what refers to the Secret, for messages, such as {@code backup storage location
   *     default}
   * @param namespace the Secret's namespace (the location's)
   * @throws BackupException naming the Secret, the key and {@code owner} when there is no cluster,
   *     no such Secret or no such key
   */
  public static String secretValue(
      Optional<? extends ClusterAccess> cluster,
      String owner,
      String namespace,
      SecretKeySelector selector) {
    ClusterAccess access =
        cluster.orElseThrow(
            () ->
                new BackupException(
                    StandardErrorCode.INVALID_ARGUMENT,
                    owner
                        + " refers to Secret "
                        + selector.getName()
                        + " but no cluster is available to read it"));
    String ns = namespace == null ? "" : namespace;
    ObjectNode secret =
        access
            .get(new ResourceIdentifier(SECRETS, ns, selector.getName()))
            .orElseThrow(
                () ->
                    new BackupException(
                        StandardErrorCode.NOT_FOUND,
                        "Secret "
                            + namespace
                            + "/"
                            + selector.getName()
                            + " named by "
                            + owner
                            + " does not exist"));
    JsonNode value = secret.path("data").get(selector.getKey());
    if (value == null || value.isNull()) {
      throw new BackupException(
          StandardErrorCode.NOT_FOUND,
          "Secret "
              + namespace
              + "/"
              + selector.getName()
              + " has no key "
              + selector.getKey()
              + " (named by "
              + owner
              + ")");
    }
    return new String(Base64.getDecoder().decode(value.asString()), StandardCharsets.UTF_8);
  }

  /**
   * Writes the Secret key {@code selector} names to a new owner-only temporary file, deleted when
   * the JVM exits, and returns its path.
   *
   * @throws BackupException as {@link #secretValue}, or when the file cannot be written
   */
  public static String write(
      Optional<? extends ClusterAccess> cluster,
      String owner,
      String namespace,
      SecretKeySelector selector) {
    String content = secretValue(cluster, owner, namespace, selector);
    try {
      Path file;
      try {
        file =
            Files.createTempFile(
                "stowage-credentials-",
                "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        file = Files.createTempFile("stowage-credentials-", "");
      }
      file.toFile().deleteOnExit();
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      throw new BackupException(
          StandardErrorCode.INTERNAL_ERROR,
          "cannot write the credentials of " + owner + " to a local file: " + e.getMessage(),
          e);
    }
  }

  /**
   * Deletes the credentials file {@code config} names under {@value #CREDENTIALS_FILE}, if any: for
   * a plugin that failed to start with it, so that retries do not leave secrets behind.
   */
  public static void deleteWritten(Map<String, String> config) {
    String file = config.get(CREDENTIALS_FILE);
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(Path.of(file));
    } catch (IOException e) {
      // Left to deleteOnExit: the caller is already reporting why the plugin failed.
    }
  }
}
