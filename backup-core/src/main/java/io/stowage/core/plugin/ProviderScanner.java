package io.stowage.core.plugin;

import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.PluginProvider;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link ServiceLoader} for one kind of provider so that one broken provider never hides the
 * others: every {@code hasNext()}/{@code next()} of the loader's iterator is guarded, and a {@link
 * ServiceConfigurationError} (or a {@link LinkageError} such as a class compiled for a newer Java)
 * becomes a {@link PluginProblem} naming the provider class and, when the class can be found, its
 * jar. ({@link ServiceLoader#stream()} is not used: its stream cannot go on after an error.)
 */
final class ProviderScanner {
  /** A services file naming thousands of broken classes is not worth reading to the end. */
  static final int MAX_CONSECUTIVE_ERRORS = 1_000;

  private static final Pattern PROVIDER_CLASS = Pattern.compile("Provider (\\S+) ");

  private ProviderScanner() {}

  static <P extends PluginProvider<?>> ScanResult<P> scan(PluginKind<P> kind, ClassLoader loader) {
    ProviderCollector<P> collector = new ProviderCollector<>(kind);
    Iterator<P> providers = ServiceLoader.load(kind.providerType(), loader).iterator();
    int consecutiveErrors = 0;
    while (true) {
      P provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        reportLoadFailure(kind, loader, e, collector);
        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
          collector.problem(
              StandardErrorCode.PROVIDER_FAILED,
              "Stopped looking for "
                  + kind
                  + " providers after "
                  + MAX_CONSECUTIVE_ERRORS
                  + " failures in a row; check the "
                  + kind.servicesFile()
                  + " files of the plugin jars.",
              List.of(),
              null);
          break;
        }
        continue;
      }
      consecutiveErrors = 0;
      collector.accept(provider);
    }
    return collector.result();
  }

  private static void reportLoadFailure(
      PluginKind<?> kind, ClassLoader loader, Throwable error, ProviderCollector<?> collector) {
    String className = providerClassName(error);
    ProviderOrigin origin =
        className == null
            ? ProviderOrigin.unknownLocation("an unnamed class")
            : originOf(className, loader);
    collector.problem(
        StandardErrorCode.PROVIDER_FAILED,
        "The "
            + kind
            + " provider "
            + origin
            + " could not be loaded: "
            + describe(error)
            + ". It is skipped; the other providers are not affected.",
        List.of(origin),
        error);
  }

  /** The provider class named by ServiceLoader's message, or {@code null}. */
  static String providerClassName(Throwable error) {
    String message = error.getMessage();
    if (message == null) {
      return null;
    }
    Matcher matcher = PROVIDER_CLASS.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** Finds the jar of a class that failed to instantiate; its class usually still loads. */
  private static ProviderOrigin originOf(String className, ClassLoader loader) {
    try {
      return ProviderOrigin.of(Class.forName(className, false, loader));
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return ProviderOrigin.unknownLocation(className);
    }
  }

  /** ServiceLoader's message plus what the provider itself threw. */
  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    Throwable cause = error.getCause();
    if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) {
      text.append("; its static initializer threw ").append(cause.getCause());
    } else if (cause != null) {
      text.append("; it threw ").append(cause);
    }
    return text.toString();
  }
}
