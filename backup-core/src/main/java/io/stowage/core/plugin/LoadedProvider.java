package io.stowage.core.plugin;

import java.util.LinkedHashSet;
import java.util.Set;

/** A provider instance that loaded and passed the checks, with what it said about itself. */
record LoadedProvider<P>(P provider, String name, Set<String> aliases, ProviderOrigin origin) {
  LoadedProvider {
    aliases = Set.copyOf(aliases);
  }

  /** Name first, then the aliases. */
  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(name);
    keys.addAll(aliases);
    return keys;
  }
}
