package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of one kind indexed by name and alias. A key claimed by two or more providers is a
 * conflict: it is recorded as a {@link StandardErrorCode#DUPLICATE_PROVIDER} problem, and asking
 * for it throws; the other keys keep working. Immutable once built.
 */
final class ProviderIndex<P extends PluginProvider<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final PluginKind<P> kind;
  private final List<LoadedProvider<P>> providers;
  private final Map<String, LoadedProvider<P>> byKey;
  private final Map<String, List<LoadedProvider<P>>> conflicts;
  private final Map<String, PluginProblem> refusals;
  private final List<PluginProblem> problems;

  private ProviderIndex(
      PluginKind<P> kind,
      List<LoadedProvider<P>> providers,
      Map<String, LoadedProvider<P>> byKey,
      Map<String, List<LoadedProvider<P>>> conflicts,
      Map<String, PluginProblem> refusals,
      List<PluginProblem> problems) {
    this.kind = kind;
    this.providers = List.copyOf(providers);
    this.byKey = Map.copyOf(byKey);
    this.conflicts = Map.copyOf(conflicts);
    this.refusals = Map.copyOf(refusals);
    this.problems = List.copyOf(problems);
  }

  /** Indexes a scan: conflicts are found here and added to the scan's problems. */
  static <P extends PluginProvider<?>> ProviderIndex<P> build(
      PluginKind<P> kind, ScanResult<P> scan) {
    requireNonNull(kind, "kind is null");
    Map<String, List<LoadedProvider<P>>> claims = new LinkedHashMap<>();
    for (LoadedProvider<P> provider : scan.loaded()) {
      for (String key : provider.keys()) {
        claims.computeIfAbsent(key, k -> new ArrayList<>()).add(provider);
      }
    }
    Map<String, LoadedProvider<P>> byKey = new HashMap<>();
    Map<String, List<LoadedProvider<P>>> conflicts = new LinkedHashMap<>();
    List<PluginProblem> problems = new ArrayList<>(scan.problems());
    for (Map.Entry<String, List<LoadedProvider<P>>> claim : claims.entrySet()) {
      if (claim.getValue().size() == 1) {
        byKey.put(claim.getKey(), claim.getValue().get(0));
      } else {
        conflicts.put(claim.getKey(), List.copyOf(claim.getValue()));
        PluginProblem problem = conflictProblem(kind, claim.getKey(), claim.getValue());
        LOG.warn(problem.message());
        problems.add(problem);
      }
    }
    Map<String, PluginProblem> refusals = new HashMap<>();
    for (Refusal refusal : scan.refused()) {
      for (String key : refusal.keys()) {
        refusals.putIfAbsent(key, refusal.problem());
      }
    }
    return new ProviderIndex<>(kind, scan.loaded(), byKey, conflicts, refusals, problems);
  }

  private static PluginProblem conflictProblem(
      PluginKind<?> kind, String key, List<? extends LoadedProvider<?>> claimants) {
    List<ProviderOrigin> origins = claimants.stream().map(LoadedProvider::origin).toList();
    String who =
        origins.size() == 2
            ? origins.get(0) + " and " + origins.get(1)
            : origins.stream().map(ProviderOrigin::toString).collect(Collectors.joining(", "));
    String message =
        (origins.size() == 2 ? "Two" : String.valueOf(origins.size()))
            + " "
            + kind
            + " providers claim the name '"
            + key
            + "': "
            + who
            + ". Asking for '"
            + key
            + "' fails until only one of them is installed: remove one of the jars, or ask the"
            + " plugin authors for distinct names. The other "
            + kind
            + " names are not affected.";
    return new PluginProblem(kind, StandardErrorCode.DUPLICATE_PROVIDER, message, origins, null);
  }

  /**
   * The provider claiming {@code key} alone, or empty when no provider claims it.
   *
   * @throws BackupException {@link StandardErrorCode#DUPLICATE_PROVIDER} when several providers
   *     claim it, {@link StandardErrorCode#PROVIDER_FAILED} when its only provider was refused
   */
  Optional<LoadedProvider<P>> find(String key) {
    requireNonNull(key, "name is null");
    LoadedProvider<P> provider = byKey.get(key);
    if (provider != null) {
      return Optional.of(provider);
    }
    List<LoadedProvider<P>> claimants = conflicts.get(key);
    if (claimants != null) {
      throw conflictProblem(kind, key, claimants).toException();
    }
    PluginProblem refusal = refusals.get(key);
    if (refusal != null) {
      throw refusal.toException();
    }
    return Optional.empty();
  }

  /** Every provider that can be asked for by its name, in discovery order. */
  List<LoadedProvider<P>> usable() {
    return providers.stream().filter(p -> !conflicts.containsKey(p.name())).toList();
  }

  /** Every loaded provider (conflicted ones included) as a listing shows it. */
  List<ProviderDescriptor> describe() {
    List<ProviderDescriptor> descriptors = new ArrayList<>();
    for (LoadedProvider<P> provider : providers) {
      Set<String> conflicting = new HashSet<>(provider.keys());
      conflicting.retainAll(conflicts.keySet());
      descriptors.add(
          new ProviderDescriptor(
              kind, provider.name(), provider.aliases(), provider.origin(), conflicting));
    }
    return descriptors;
  }

  /** Every key that resolves to one provider, sorted. */
  Set<String> names() {
    return new TreeSet<>(byKey.keySet());
  }

  /** Keys claimed by several providers, sorted. */
  Set<String> conflictedNames() {
    return new TreeSet<>(conflicts.keySet());
  }

  /** Names of refused providers that no usable provider claims, sorted. */
  Set<String> refusedNames() {
    Set<String> names = new TreeSet<>(refusals.keySet());
    names.removeAll(byKey.keySet());
    names.removeAll(conflicts.keySet());
    return names;
  }

  /** Load failures, refusals and conflicts of this kind, in the order found. */
  List<PluginProblem> problems() {
    return problems;
  }

  PluginKind<P> kind() {
    return kind;
  }
}
