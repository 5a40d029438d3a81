package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Where a provider class came from, for messages that must tell the user which jar to look at.
 *
 * @param className the provider's fully qualified class name
 * @param location the jar or directory the class was loaded from (its {@link CodeSource}): a file
 *     system path for local files, else the URL; {@value #UNKNOWN_LOCATION} when the JVM does not
 *     say
 */
public record ProviderOrigin(String className, String location) {
  /** The location given when a class has no code source. */
  public static final String UNKNOWN_LOCATION = "an unknown location";

  public ProviderOrigin {
    requireNonNull(className, "className is null");
    requireNonNull(location, "location is null");
  }

  /** The origin of a loaded class. */
  public static ProviderOrigin of(Class<?> type) {
    return new ProviderOrigin(type.getName(), locationOf(type));
  }

  /** The origin of a class known only by name, with no location. */
  public static ProviderOrigin unknownLocation(String className) {
    return new ProviderOrigin(className, UNKNOWN_LOCATION);
  }

  private static String locationOf(Class<?> type) {
    try {
      ProtectionDomain domain = type.getProtectionDomain();
      CodeSource source = domain == null ? null : domain.getCodeSource();
      return source == null || source.getLocation() == null
          ? UNKNOWN_LOCATION
          : display(source.getLocation());
    } catch (SecurityException e) {
      return UNKNOWN_LOCATION;
    }
  }

  private static String display(URL location) {
    if ("file".equals(location.getProtocol())) {
      try {
        return Path.of(location.toURI()).toString();
      } catch (URISyntaxException | IllegalArgumentException e) {
        // fall through to the URL
      }
    }
    return location.toString();
  }

  /** {@code com.example.Foo (from /plugins/foo.jar)}. */
  @Override
  public String toString() {
    return className + " (from " + location + ")";
  }
}
