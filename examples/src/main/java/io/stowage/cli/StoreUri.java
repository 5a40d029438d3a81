package io.stowage.cli;

import static java.util.Objects.requireNonNull;

import io.stowage.api.velero.v1.BackupStorageLocation;
import io.stowage.api.velero.v1.ObjectStorageLocation;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --store} URI of the command line, turned into the BackupStorageLocation it stands for.
 *
 * <ul>
 *   <li>{@code file://<directory>} (also {@code file:<directory>}): provider {@code filesystem};
 *       config {@code root} is the directory's parent and the bucket its last element, so backups
 *       land in {@code <directory>/backups/<name>/}. A relative directory is taken from the current
 *       one; {@code file://localhost/...} is the same as {@code file:///...}.
 *   <li>{@code s3://<bucket>[/<prefix>]}: provider {@code aws}, as Velero's AWS plugin.
 * </ul>
 *
 * Every query parameter ({@code ?region=eu-west-1&s3ForcePathStyle=true}) becomes a config key of
 * the location, URL-decoded; the store provider checks the keys it accepts. Paths may be
 * percent-encoded ({@code %20} for a space).
 *
 * @param text the URI as given, for messages
 * @param provider the BSL's {@code spec.provider}
 * @param bucket the bucket
 * @param prefix the prefix inside the bucket, {@code ""} when none
 * @param config the BSL's {@code spec.config}
 */
public record StoreUri(
    String text, String provider, String bucket, String prefix, Map<String, String> config) {
  /** The storage location a {@code --store} URI stands for, as Velero's default location name. */
  public static final String LOCATION_NAME = "default";

  /** Provider of {@code file://} stores. */
  public static final String FILESYSTEM_PROVIDER = "filesystem";

  /** Config key of the filesystem provider: the directory holding the buckets. */
  public static final String FILESYSTEM_ROOT = "root";

  /** Provider of {@code s3://} stores (Velero's AWS plugin name). */
  public static final String S3_PROVIDER = "aws";

  static final String FORMS =
      "use file://<directory> or s3://<bucket>[/<prefix>][?region=<region>&s3Url=<endpoint>...]";

  public StoreUri {
    requireNonNull(text, "text is null");
    requireNonNull(provider, "provider is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(prefix, "prefix is null");
    config = Map.copyOf(config);
  }

  /**
   * Parses a store URI.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and which forms work
   */
  public static StoreUri parse(String text) {
    requireNonNull(text, "text is null");
    String uri = text.trim();
    String query = "";
    int question = uri.indexOf('?');
    if (question >= 0) {
      query = uri.substring(question + 1);
      uri = uri.substring(0, question);
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      return file(text, uri.substring("file:".length()), query(text, query));
    }
    if (lower.startsWith("s3://")) {
      return s3(text, uri.substring("s3://".length()), query(text, query));
    }
    int colon = uri.indexOf(':');
    String scheme = colon > 0 ? uri.substring(0, colon) : "";
    throw new IllegalArgumentException(
        (scheme.isEmpty()
                ? "store URI \"" + text + "\" has no scheme"
                : "unsupported store URI scheme \"" + scheme + ":\" in \"" + text + "\"")
            + "; "
            + FORMS);
  }

  /** The local directory of a {@code file:} store; empty for other stores. */
  public Optional<Path> localDirectory() {
    if (!FILESYSTEM_PROVIDER.equals(provider)) {
      return Optional.empty();
    }
    return Optional.of(Path.of(config.get(FILESYSTEM_ROOT)).resolve(bucket));
  }

  /** The location this URI stands for, under that name and namespace. */
  public BackupStorageLocation toLocation(String name, String namespace) {
    BackupStorageLocation location = new BackupStorageLocation();
    location.getMetadata().setName(name);
    location.getMetadata().setNamespace(namespace);
    location.getSpec().setProvider(provider);
    location.getSpec().setConfig(new LinkedHashMap<>(config));
    location.getSpec().setObjectStorage(new ObjectStorageLocation(bucket, prefix));
    return location;
  }

  @Override
  public String toString() {
    return text;
  }

  private static StoreUri file(String text, String rest, Map<String, String> config) {
    String path = rest;
    if (path.startsWith("//")) {
      path = path.substring(2);
      if (path.toLowerCase(Locale.ROOT).startsWith("localhost/")) {
        path = path.substring("localhost".length());
      }
    }
    path = decodePath(text, path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException(
          "store URI \"" + text + "\" names no directory; use file://<directory>");
    }
    if (config.containsKey(FILESYSTEM_ROOT)) {
      throw new IllegalArgumentException(
          "store URI \""
              + text
              + "\" sets \""
              + FILESYSTEM_ROOT
              + "\" as a query parameter; the directory of a file:// URI gives it");
    }
    Path directory;
    try {
      directory = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "store URI \"" + text + "\" is not a valid path: " + e.getMessage(), e);
    }
    Path parent = directory.getParent();
    if (parent == null || directory.getFileName() == null) {
      throw new IllegalArgumentException(
          "store URI \""
              + text
              + "\" names the root directory; use a directory below it, such as"
              + " file:///var/backups/stowage");
    }
    Map<String, String> all = new LinkedHashMap<>(config);
    all.put(FILESYSTEM_ROOT, parent.toString());
    return new StoreUri(text, FILESYSTEM_PROVIDER, directory.getFileName().toString(), "", all);
  }

  private static StoreUri s3(String text, String rest, Map<String, String> config) {
    String path = rest;
    int slash = path.indexOf('/');
    String bucket = decodePath(text, slash < 0 ? path : path.substring(0, slash));
    String prefix = slash < 0 ? "" : trimSlashes(decodePath(text, path.substring(slash + 1)));
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException(
          "store URI \"" + text + "\" names no bucket; use s3://<bucket>[/<prefix>]");
    }
    return new StoreUri(text, S3_PROVIDER, bucket, prefix, config);
  }

  private static Map<String, String> query(String text, String query) {
    Map<String, String> config = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return config;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "query parameter \""
                + pair
                + "\" of store URI \""
                + text
                + "\" is not key=value; write it as key=value, such as region=us-east-1");
      }
      String key = decodeQuery(text, pair.substring(0, equals));
      String value = decodeQuery(text, pair.substring(equals + 1));
      if (config.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException(
            "query parameter \"" + key + "\" appears twice in store URI \"" + text + "\"");
      }
    }
    return config;
  }

  private static String decodeQuery(String text, String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "store URI \"" + text + "\" has a bad %-escape in \"" + part + "\"", e);
    }
  }

  /** Percent-decoding without the form rule that turns {@code +} into a space. */
  private static String decodePath(String text, String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < part.length(); ) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length()
            || Character.digit(part.charAt(i + 1), 16) < 0
            || Character.digit(part.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException(
              "store URI \"" + text + "\" has a bad %-escape in \"" + part + "\"");
        }
        bytes.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int end = i;
        while (end < part.length() && part.charAt(end) != '%') {
          end++;
        }
        bytes.writeBytes(part.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String trimSlashes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
