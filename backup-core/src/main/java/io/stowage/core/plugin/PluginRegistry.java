package io.stowage.core.plugin;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginProvider;
import io.stowage.api.spi.VolumeSnapshotterProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin providers available to Stowage, found with {@link java.util.ServiceLoader} and given
 * out by name. Immutable and thread-safe once loaded.
 *
 * <p>Loading never fails because of a plugin. Each of these is recorded in {@link #problems()} and
 * logged as a warning, and leaves the other providers usable:
 *
 * <ul>
 *   <li>a provider whose class is missing, or whose constructor or static initializer throws;
 *   <li>a provider whose {@link PluginProvider#spiVersion()} differs from {@link
 *       PluginProvider#SPI_VERSION} (refused; asking for its name throws {@link
 *       StandardErrorCode#PROVIDER_FAILED} with the reason);
 *   <li>a name or alias claimed by two or more providers of one kind: the registry still loads, and
 *       asking for that name throws {@link StandardErrorCode#DUPLICATE_PROVIDER} naming every
 *       claimant's class and jar. A provider whose own {@code name()} is in conflict is also left
 *       out of {@link #all}/{@link #actions()}: running either would be a guess.
 * </ul>
 *
 * <p>{@link #find}, {@link #require} and the methods named after a kind match names exactly
 * (case-sensitive, no normalisation). {@link #findByProviderName} and {@link
 * #requireByProviderName} resolve a location's {@code spec.provider} with Velero's rule ({@link
 * ProviderNames}): {@code aws} also finds {@code velero.io/aws}. Which provider was chosen, and
 * from which jar, is logged at debug level on every lookup.
 */
public final class PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final ProviderIndex<ObjectBackupStoreProvider> stores;
  private final ProviderIndex<BackupItemActionProvider> actions;
  private final ProviderIndex<VolumeSnapshotterProvider> snapshotters;
  private final String source;

  private PluginRegistry(
      ProviderIndex<ObjectBackupStoreProvider> stores,
      ProviderIndex<BackupItemActionProvider> actions,
      ProviderIndex<VolumeSnapshotterProvider> snapshotters,
      String source) {
    this.stores = stores;
    this.actions = actions;
    this.snapshotters = snapshotters;
    this.source = source;
  }

  /**
   * Loads the providers visible to the current thread's context class loader (or, when it has none,
   * to the loader of this class).
   */
  public static PluginRegistry load() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return load(context != null ? context : PluginRegistry.class.getClassLoader());
  }

  /**
   * Loads the providers visible to {@code loader}: those listed in the {@code
   * META-INF/services/<provider interface>} files of its jars and its parents' jars. For a plugins
   * directory, pass {@link PluginClassLoaders#forPluginsDirectory}; the caller keeps that loader
   * open as long as the providers are used.
   */
  public static PluginRegistry load(ClassLoader loader) {
    requireNonNull(loader, "loader is null");
    String source = describe(loader);
    LOG.debug("Loading plugin providers from {}", source);
    return new PluginRegistry(
        ProviderIndex.build(
            PluginKind.OBJECT_STORE, ProviderScanner.scan(PluginKind.OBJECT_STORE, loader)),
        ProviderIndex.build(
            PluginKind.BACKUP_ITEM_ACTION,
            ProviderScanner.scan(PluginKind.BACKUP_ITEM_ACTION, loader)),
        ProviderIndex.build(
            PluginKind.VOLUME_SNAPSHOTTER,
            ProviderScanner.scan(PluginKind.VOLUME_SNAPSHOTTER, loader)),
        source);
  }

  /**
   * A registry of the given provider instances, without {@link java.util.ServiceLoader}: for hosts
   * that build their providers themselves, and for tests. The same checks apply (SPI version,
   * names, conflicts).
   *
   * @throws BackupException {@link StandardErrorCode#INVALID_ARGUMENT} when an object implements
   *     none of the provider interfaces
   */
  public static PluginRegistry of(Collection<? extends PluginProvider<?>> providers) {
    requireNonNull(providers, "providers is null");
    ProviderCollector<ObjectBackupStoreProvider> stores =
        new ProviderCollector<>(PluginKind.OBJECT_STORE);
    ProviderCollector<BackupItemActionProvider> actions =
        new ProviderCollector<>(PluginKind.BACKUP_ITEM_ACTION);
    ProviderCollector<VolumeSnapshotterProvider> snapshotters =
        new ProviderCollector<>(PluginKind.VOLUME_SNAPSHOTTER);
    for (PluginProvider<?> provider : providers) {
      requireNonNull(provider, "providers contains null");
      boolean known = false;
      if (provider instanceof ObjectBackupStoreProvider store) {
        stores.accept(store);
        known = true;
      }
      if (provider instanceof BackupItemActionProvider action) {
        actions.accept(action);
        known = true;
      }
      if (provider instanceof VolumeSnapshotterProvider snapshotter) {
        snapshotters.accept(snapshotter);
        known = true;
      }
      if (!known) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT,
            provider.getClass().getName()
                + " implements none of the provider interfaces ("
                + PluginKind.all().stream()
                    .map(k -> k.providerType().getSimpleName())
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
    return new PluginRegistry(
        ProviderIndex.build(PluginKind.OBJECT_STORE, stores.result()),
        ProviderIndex.build(PluginKind.BACKUP_ITEM_ACTION, actions.result()),
        ProviderIndex.build(PluginKind.VOLUME_SNAPSHOTTER, snapshotters.result()),
        "the providers given to PluginRegistry.of");
  }

  /**
   * The object store provider of that name or alias, or empty when no provider claims it.
   *
   * @throws BackupException {@link StandardErrorCode#DUPLICATE_PROVIDER} when several providers
   *     claim the name, {@link StandardErrorCode#PROVIDER_FAILED} when its provider was refused
   */
  public Optional<ObjectBackupStoreProvider> store(String name) {
    return find(PluginKind.OBJECT_STORE, name);
  }

  /**
   * The object store provider of that name or alias.
   *
   * @throws BackupException as {@link #store}, and {@link StandardErrorCode#NOT_FOUND} listing the
   *     known names when no provider claims it
   */
  public ObjectBackupStoreProvider storeOrThrow(String name) {
    return require(PluginKind.OBJECT_STORE, name);
  }

  /** Every usable backup item action provider, in discovery order. */
  public List<BackupItemActionProvider> actions() {
    return all(PluginKind.BACKUP_ITEM_ACTION);
  }

  /** The backup item action provider of that name or alias; throws as {@link #store}. */
  public Optional<BackupItemActionProvider> action(String name) {
    return find(PluginKind.BACKUP_ITEM_ACTION, name);
  }

  /** The volume snapshotter provider of that name or alias; throws as {@link #store}. */
  public Optional<VolumeSnapshotterProvider> volumeSnapshotter(String name) {
    return find(PluginKind.VOLUME_SNAPSHOTTER, name);
  }

  /** The volume snapshotter provider of that name or alias; throws as {@link #storeOrThrow}. */
  public VolumeSnapshotterProvider volumeSnapshotterOrThrow(String name) {
    return require(PluginKind.VOLUME_SNAPSHOTTER, name);
  }

  /** The provider of that kind and name or alias; throws as {@link #store}. */
  public <P extends PluginProvider<?>> Optional<P> find(PluginKind<P> kind, String name) {
    Optional<LoadedProvider<P>> found = index(kind).find(name);
    found.ifPresent(
        p -> LOG.debug("Using {} provider '{}' for '{}': {}", kind, p.name(), name, p.origin()));
    return found.map(LoadedProvider::provider);
  }

  /** The provider of that kind and name or alias; throws as {@link #storeOrThrow}. */
  public <P extends PluginProvider<?>> P require(PluginKind<P> kind, String name) {
    return find(kind, name).orElseThrow(() -> notFound(kind, List.of(name)));
  }

  /**
   * The provider a location's {@code spec.provider} selects: the first of {@link
   * ProviderNames#candidates} that a provider claims, so an exact name wins over {@code
   * velero.io/<name>}; empty when none is claimed.
   *
   * @throws BackupException as {@link #store}, for the first candidate that is claimed by several
   *     providers or whose provider was refused
   */
  public <P extends PluginProvider<?>> Optional<P> findByProviderName(
      PluginKind<P> kind, String providerName) {
    for (String candidate : ProviderNames.candidates(providerName)) {
      Optional<P> found = find(kind, candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #findByProviderName}, but throws {@link StandardErrorCode#NOT_FOUND} when no
   * candidate is claimed, naming every name tried, the known names and how to install a plugin.
   */
  public <P extends PluginProvider<?>> P requireByProviderName(
      PluginKind<P> kind, String providerName) {
    return findByProviderName(kind, providerName)
        .orElseThrow(() -> notFound(kind, ProviderNames.candidates(providerName)));
  }

  /** Every usable provider of a kind, in discovery order. */
  public <P extends PluginProvider<?>> List<P> all(PluginKind<P> kind) {
    return index(kind).usable().stream().map(LoadedProvider::provider).toList();
  }

  /** Every name and alias of a kind that resolves to exactly one provider, sorted. */
  public Set<String> names(PluginKind<?> kind) {
    return index(kind).names();
  }

  /** Every loaded provider of every kind, conflicting ones included and marked. */
  public List<ProviderDescriptor> providers() {
    List<ProviderDescriptor> all = new ArrayList<>();
    for (PluginKind<?> kind : PluginKind.all()) {
      all.addAll(index(kind).describe());
    }
    return List.copyOf(all);
  }

  /** Everything that went wrong while loading, by kind, in the order found. */
  public List<PluginProblem> problems() {
    List<PluginProblem> all = new ArrayList<>();
    for (PluginKind<?> kind : PluginKind.all()) {
      all.addAll(index(kind).problems());
    }
    return List.copyOf(all);
  }

  /** Where the providers were looked for, in words. */
  public String source() {
    return source;
  }

  @SuppressWarnings("unchecked")
  private <P extends PluginProvider<?>> ProviderIndex<P> index(PluginKind<P> kind) {
    requireNonNull(kind, "kind is null");
    if (kind == PluginKind.OBJECT_STORE) {
      return (ProviderIndex<P>) stores;
    } else if (kind == PluginKind.BACKUP_ITEM_ACTION) {
      return (ProviderIndex<P>) actions;
    } else if (kind == PluginKind.VOLUME_SNAPSHOTTER) {
      return (ProviderIndex<P>) snapshotters;
    }
    throw new IllegalArgumentException("unknown plugin kind " + kind);
  }

  private BackupException notFound(PluginKind<?> kind, List<String> tried) {
    ProviderIndex<?> index = index(kind);
    StringBuilder message =
        new StringBuilder("No ")
            .append(kind)
            .append(" provider is named '")
            .append(String.join("' or '", tried));
    Set<String> names = index.names();
    message
        .append(names.isEmpty() ? "', and none were found" : "'. Known " + kind + " names: ")
        .append(String.join(", ", names));
    if (!index.conflictedNames().isEmpty()) {
      message
          .append("; claimed by several providers: ")
          .append(String.join(", ", index.conflictedNames()));
    }
    if (!index.refusedNames().isEmpty()) {
      message.append("; refused: ").append(String.join(", ", index.refusedNames()));
    }
    Class<?> type = kind.providerType();
    message
        .append(". Providers are found with java.util.ServiceLoader: a plugin jar lists its")
        .append(" provider classes in ")
        .append(kind.servicesFile())
        .append(" (@AutoService(")
        .append(type.getSimpleName())
        .append(".class) writes that file). To install a plugin, put its jar on the class path")
        .append(" or in a plugins directory (the stowage command's --plugins-dir;")
        .append(" PluginClassLoaders.forPluginsDirectory in code). Searched ")
        .append(source)
        .append('.');
    int problems = index.problems().size();
    if (problems > 0) {
      message
          .append(' ')
          .append(problems)
          .append(problems == 1 ? " problem" : " problems")
          .append(" came up while loading ")
          .append(kind)
          .append(" providers; see PluginRegistry.problems() or the warnings in the log.");
    }
    return new BackupException(StandardErrorCode.NOT_FOUND, message.toString());
  }

  /** {@code class loader 'app' and its parents}, with the jars of a URLClassLoader. */
  static String describe(ClassLoader loader) {
    StringBuilder text = new StringBuilder("class loader ");
    text.append(loader.getName() != null ? "'" + loader.getName() + "'" : loader.toString());
    if (loader instanceof URLClassLoader urls) {
      URL[] jars = urls.getURLs();
      text.append(" (")
          .append(
              jars.length == 0
                  ? "no jars"
                  : Arrays.stream(jars)
                      .map(PluginRegistry::fileName)
                      .collect(Collectors.joining(", ")))
          .append(')');
    }
    return text.append(" and its parents").toString();
  }

  private static String fileName(URL url) {
    String path = url.getPath();
    int slash = path.lastIndexOf('/', path.endsWith("/") ? path.length() - 2 : path.length());
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
