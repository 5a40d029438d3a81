package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks provider instances of one kind (name present, SPI major matching) and sorts them into
 * loaded providers, refusals and problems. Every problem is also logged as a warning. Not
 * thread-safe; one instance per scan.
 */
final class ProviderCollector<P extends PluginProvider<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final PluginKind<P> kind;
  private final List<LoadedProvider<P>> loaded = new ArrayList<>();
  private final List<Refusal> refused = new ArrayList<>();
  private final List<PluginProblem> problems = new ArrayList<>();

  ProviderCollector(PluginKind<P> kind) {
    this.kind = requireNonNull(kind, "kind is null");
  }

  /** Checks one instantiated provider. Never throws for a misbehaving provider. */
  void accept(P provider) {
    ProviderOrigin origin = ProviderOrigin.of(provider.getClass());
    int spiVersion;
    String name;
    Set<String> declaredAliases;
    try {
      spiVersion = provider.spiVersion();
      name = provider.name();
      declaredAliases = provider.aliases();
    } catch (RuntimeException | LinkageError e) {
      problem(
          StandardErrorCode.PROVIDER_FAILED,
          "The "
              + kind
              + " provider "
              + origin
              + " was skipped: describing itself (spiVersion(), name(), aliases()) threw "
              + e
              + ". Fix the provider or remove its jar; the other providers are not affected.",
          List.of(origin),
          e);
      return;
    }
    if (name == null || name.isBlank()) {
      problem(
          StandardErrorCode.PROVIDER_FAILED,
          "The "
              + kind
              + " provider "
              + origin
              + " was skipped: its name() is "
              + (name == null ? "null" : "blank")
              + ". A provider must have a name users can select it by.",
          List.of(origin),
          null);
      return;
    }
    Set<String> aliases = cleanAliases(name, declaredAliases, origin);
    if (spiVersion != PluginProvider.SPI_VERSION) {
      PluginProblem problem =
          problem(
              StandardErrorCode.PROVIDER_FAILED,
              "The "
                  + kind
                  + " provider '"
                  + name
                  + "' "
                  + origin
                  + " was refused: it was built for Stowage SPI version "
                  + spiVersion
                  + ", this Stowage offers SPI version "
                  + PluginProvider.SPI_VERSION
                  + ". Use a release of the plugin built for SPI version "
                  + PluginProvider.SPI_VERSION
                  + ".",
              List.of(origin),
              null);
      Set<String> keys = new LinkedHashSet<>();
      keys.add(name);
      keys.addAll(aliases);
      refused.add(new Refusal(keys, problem));
      return;
    }
    loaded.add(new LoadedProvider<>(provider, name, aliases, origin));
    LOG.debug(
        "Found {} provider '{}'{}: {}",
        kind,
        name,
        aliases.isEmpty() ? "" : " (aliases " + aliases + ")",
        origin);
  }

  private Set<String> cleanAliases(String name, Set<String> declared, ProviderOrigin origin) {
    Set<String> aliases = new LinkedHashSet<>();
    if (declared == null) {
      return aliases;
    }
    boolean blank = false;
    for (String alias : declared) {
      if (alias == null || alias.isBlank()) {
        blank = true;
      } else if (!alias.equals(name)) {
        aliases.add(alias);
      }
    }
    if (blank) {
      problem(
          StandardErrorCode.PROVIDER_FAILED,
          "The "
              + kind
              + " provider '"
              + name
              + "' "
              + origin
              + " declares a null or blank alias; it was ignored and the provider is used"
              + " under its other names.",
          List.of(origin),
          null);
    }
    return aliases;
  }

  /** Records (and logs) a problem; returns it. */
  PluginProblem problem(
      StandardErrorCode code, String message, List<ProviderOrigin> providers, Throwable cause) {
    PluginProblem problem = new PluginProblem(kind, code, message, providers, cause);
    problems.add(problem);
    if (cause == null) {
      LOG.warn(message);
    } else {
      LOG.warn(message, cause);
    }
    return problem;
  }

  ScanResult<P> result() {
    return new ScanResult<>(loaded, refused, problems);
  }
}
