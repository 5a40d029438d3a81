package io.stowage.core.archive;

import io.stowage.api.ItemIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Velero's entry names inside the backup tarball (format version {@value #FORMAT_VERSION}).
 *
 * <p>An item lives at {@code resources/<GR>/[<versionDir>/]{cluster |
 * namespaces/<ns>}/<name>.json}, where {@code <GR>} is {@code <resource>} for the core group and
 * {@code <resource>.<group>} otherwise. Cluster-scoped items (empty namespace, {@code Namespace}
 * objects included) go under {@code cluster/}. An item at its group's preferred version is written
 * twice: without a version directory, then under {@code <version>-preferredversion/}; an item at
 * another version only under {@code <version>/}.
 *
 * <p>Every path method checks the identity with {@link PathSegments#requireSafe} first.
 */
public final class ArchiveLayout {
  /** {@code BackupFormatVersion}, written to {@link #VERSION_PATH}. */
  public static final String FORMAT_VERSION = "1.1.0";

  /** The first entry of every tarball. */
  public static final String VERSION_PATH = "metadata/version";

  public static final String RESOURCES_DIR = "resources";
  public static final String CLUSTER_SCOPED_DIR = "cluster";
  public static final String NAMESPACE_SCOPED_DIR = "namespaces";
  public static final String PREFERRED_VERSION_SUFFIX = "-preferredversion";

  private ArchiveLayout() {}

  /** The content of {@link #VERSION_PATH}: the 6 bytes {@code 1.1.0\n}. A fresh copy. */
  public static byte[] versionFileContent() {
    return (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code resources/<GR>/{cluster|namespaces/<ns>}/<name>.json}: the copy restore reads. */
  public static String itemPath(ItemIdentity item) {
    PathSegments.requireSafe(item);
    return unversioned(item);
  }

  /** {@code resources/<GR>/<version>-preferredversion/{cluster|namespaces/<ns>}/<name>.json}. */
  public static String preferredVersionPath(ItemIdentity item) {
    PathSegments.requireSafe(item);
    return versioned(item, item.version() + PREFERRED_VERSION_SUFFIX);
  }

  /** {@code resources/<GR>/<version>/{cluster|namespaces/<ns>}/<name>.json}. */
  public static String versionPath(ItemIdentity item) {
    PathSegments.requireSafe(item);
    return versioned(item, item.version());
  }

  /**
   * The entries of one item in write order: the unversioned and the preferred-version path when
   * {@code preferredVersion}, else only the version path.
   */
  public static List<String> itemPaths(ItemIdentity item, boolean preferredVersion) {
    PathSegments.requireSafe(item);
    return preferredVersion
        ? List.of(unversioned(item), versioned(item, item.version() + PREFERRED_VERSION_SUFFIX))
        : List.of(versioned(item, item.version()));
  }

  private static String unversioned(ItemIdentity item) {
    return RESOURCES_DIR + "/" + item.groupResource() + "/" + scopedName(item);
  }

  private static String versioned(ItemIdentity item, String versionDir) {
    return RESOURCES_DIR + "/" + item.groupResource() + "/" + versionDir + "/" + scopedName(item);
  }

  private static String scopedName(ItemIdentity item) {
    return (item.namespaced() ? NAMESPACE_SCOPED_DIR + "/" + item.namespace() : CLUSTER_SCOPED_DIR)
        + "/"
        + item.name()
        + ".json";
  }
}
