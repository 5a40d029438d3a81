package io.stowage.core.plugin;

import java.util.Set;

/**
 * A provider that loaded but was refused (for instance, built for another SPI major version). Its
 * names are remembered so that asking for them reports the refusal, not "not found".
 */
record Refusal(Set<String> keys, PluginProblem problem) {
  Refusal {
    keys = Set.copyOf(keys);
  }
}
