package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One loaded provider as a listing shows it (for a {@code plugins} command or a start-up log).
 *
 * @param kind the kind of plugin
 * @param name the provider's {@code name()}
 * @param aliases its other names, without blanks and without {@code name}
 * @param origin its class and the jar it came from
 * @param conflictingNames those of its names (name or aliases) that another provider of the same
 *     kind claims as well; asking the registry for one of them fails. When this contains {@link
 *     #name()}, the provider cannot be used at all.
 */
public record ProviderDescriptor(
    PluginKind<?> kind,
    String name,
    Set<String> aliases,
    ProviderOrigin origin,
    Set<String> conflictingNames) {
  public ProviderDescriptor {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    aliases = Set.copyOf(aliases);
    requireNonNull(origin, "origin is null");
    conflictingNames = Set.copyOf(conflictingNames);
  }

  /** {@code true} when the provider can be asked for by its {@link #name()}. */
  public boolean usable() {
    return !conflictingNames.contains(name);
  }
}
