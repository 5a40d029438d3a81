package io.stowage.api.spi;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a plugin's configuration keys the way Velero's plugin framework does. */
public final class ConfigKeys {
  /** Keys Velero passes to every object store, whether the store declares them or not. */
  public static final Set<String> ALWAYS_VALID_FOR_STORES = Set.of("bucket", "prefix", "caCert");

  private ConfigKeys() {}

  /**
   * Throws {@link StandardErrorCode#INVALID_ARGUMENT} with Velero's message, {@code config has
   * invalid keys [...]; valid keys are [...]}, when {@code config} holds a key outside {@code
   * validKeys} and {@link #ALWAYS_VALID_FOR_STORES}.
   */
  public static void requireValidStoreKeys(Map<String, String> config, Set<String> validKeys) {
    Set<String> valid = new TreeSet<>(validKeys);
    valid.addAll(ALWAYS_VALID_FOR_STORES);
    requireValidKeys(config, valid);
  }

  /** As {@link #requireValidStoreKeys} without the implicit store keys. */
  public static void requireValidKeys(Map<String, String> config, Set<String> validKeys) {
    Set<String> invalid = new TreeSet<>(config.keySet());
    invalid.removeAll(validKeys);
    if (!invalid.isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "config has invalid keys "
              + List.copyOf(invalid)
              + "; valid keys are "
              + List.copyOf(new TreeSet<>(validKeys)));
    }
  }
}
