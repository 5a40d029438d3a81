package io.stowage.testkit.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Writes a kubeconfig with one cluster, one token user and one context, made current, so that
 * {@code kubectl --kubeconfig <file>} and fabric8's {@code Config.fromKubeconfig} both reach the
 * server.
 */
public final class KubeconfigWriter {

  /** The dummy bearer token written unless another is given; the embedded server accepts any. */
  public static final String DEFAULT_TOKEN = "stowage-embedded-token";

  /** The name of the cluster, user and context written unless another is given. */
  public static final String DEFAULT_NAME = "stowage-embedded";

  private KubeconfigWriter() {}

  /**
   * Writes a kubeconfig for {@code serverUrl} with {@link #DEFAULT_TOKEN} and {@link
   * #DEFAULT_NAME}; see {@link #write(Path, String, String, String, String)}.
   */
  public static Path write(Path file, String serverUrl) {
    return write(file, serverUrl, DEFAULT_TOKEN, DEFAULT_NAME, "default");
  }

  /**
   * Writes a kubeconfig, replacing the file atomically where the file system allows it and making
   * it readable by its owner only where the file system has POSIX permissions. Parent directories
   * are created.
   *
   * @param file where to write
   * @param serverUrl the API server URL, e.g. {@code http://127.0.0.1:34567}
   * @param token bearer token of the user
   * @param name name of the cluster, user and context
   * @param namespace default namespace of the context
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path write(
      Path file, String serverUrl, String token, String name, String namespace) {
    Objects.requireNonNull(file, "file");
    String yaml =
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- name: "
            + quote(name)
            + "\n"
            + "  cluster:\n"
            + "    server: "
            + quote(serverUrl)
            + "\n"
            + "users:\n"
            + "- name: "
            + quote(name)
            + "\n"
            + "  user:\n"
            + "    token: "
            + quote(token)
            + "\n"
            + "contexts:\n"
            + "- name: "
            + quote(name)
            + "\n"
            + "  context:\n"
            + "    cluster: "
            + quote(name)
            + "\n"
            + "    user: "
            + quote(name)
            + "\n"
            + "    namespace: "
            + quote(namespace)
            + "\n"
            + "current-context: "
            + quote(name)
            + "\n"
            + "preferences: {}\n";
    try {
      Path target = file.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".kubeconfig-", ".tmp");
      try {
        restrictToOwner(temp);
        Files.writeString(temp, yaml);
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig to " + file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
  }

  private static String quote(String value) {
    Objects.requireNonNull(value, "kubeconfig value");
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
