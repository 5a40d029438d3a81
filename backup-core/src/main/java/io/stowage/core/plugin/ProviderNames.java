package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which plugin names a location's {@code spec.provider} selects: Velero's rule for names without a
 * namespace, kept in this one place for stores and snapshotters alike.
 *
 * <p>Velero's plugin manager ({@code sanitizeName} in {@code pkg/plugin/clientmgmt/manager.go})
 * turns a name without {@code /} into {@code velero.io/<name>} before it looks the plugin up, so a
 * location with provider {@code aws} gets the plugin registered as {@code velero.io/aws}; Velero's
 * plugins must have namespaced names, so that is the only name it tries. Stowage's own providers
 * may have plain names ({@code filesystem}, {@code memory}), so a plain name is tried as it is
 * first and as {@code velero.io/<name>} second. The exact name wins, so a location finds the plugin
 * Velero would use unless another provider claims the plain name as well (store-s3 claims both
 * {@code aws} and {@code velero.io/aws} with one provider).
 */
public final class ProviderNames {
  /** The namespace Velero gives a plugin name that has none. */
  public static final String VELERO_NAMESPACE = "velero.io/";

  private ProviderNames() {}

  /**
   * The names to look up for {@code provider}, in order: {@code provider} itself, then, when it has
   * no {@code /}, {@code velero.io/<provider>}.
   */
  public static List<String> candidates(String provider) {
    requireNonNull(provider, "provider is null");
    return provider.contains("/")
        ? List.of(provider)
        : List.of(provider, VELERO_NAMESPACE + provider);
  }
}
