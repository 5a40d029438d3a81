package io.stowage.k8s.bench;

import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a store provider so that the time spent writing objects (the persist phase of a backup) is
 * added up.
 */
final class TimingStoreProvider implements ObjectBackupStoreProvider {
  private final ObjectBackupStoreProvider delegate;
  private final AtomicLong putNanos = new AtomicLong();

  TimingStoreProvider(ObjectBackupStoreProvider delegate) {
    this.delegate = delegate;
  }

  long putNanos() {
    return putNanos.get();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    return new TimingStore(delegate.create(context));
  }

  private final class TimingStore implements ObjectBackupStore {
    private final ObjectBackupStore store;

    TimingStore(ObjectBackupStore store) {
      this.store = store;
    }

    @Override
    public void putObject(String bucket, String key, InputStream body) {
      long started = System.nanoTime();
      try {
        store.putObject(bucket, key, body);
      } finally {
        putNanos.addAndGet(System.nanoTime() - started);
      }
    }

    @Override
    public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
      long started = System.nanoTime();
      try {
        return store.putObjectIfAbsent(bucket, key, body);
      } finally {
        putNanos.addAndGet(System.nanoTime() - started);
      }
    }

    @Override
    public boolean objectExists(String bucket, String key) {
      return store.objectExists(bucket, key);
    }

    @Override
    public InputStream getObject(String bucket, String key) {
      return store.getObject(bucket, key);
    }

    @Override
    public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
      return store.listCommonPrefixes(bucket, prefix, delimiter);
    }

    @Override
    public List<String> listObjects(String bucket, String prefix) {
      return store.listObjects(bucket, prefix);
    }

    @Override
    public void deleteObject(String bucket, String key) {
      store.deleteObject(bucket, key);
    }

    @Override
    public URI createSignedUrl(String bucket, String key, Duration ttl) {
      return store.createSignedUrl(bucket, key, ttl);
    }

    @Override
    public Set<Capability> capabilities() {
      return store.capabilities();
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
