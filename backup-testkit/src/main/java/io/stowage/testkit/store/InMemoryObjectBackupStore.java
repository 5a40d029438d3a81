package io.stowage.testkit.store;

import io.stowage.api.BackupException;
import io.stowage.api.ObjectNotFoundException;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ObjectBackupStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link ObjectBackupStore} in memory: the reference implementation of the store contract, for
 * tests and for plugin authors to compare against. Buckets spring into existence on first write.
 * Objects are held as byte arrays, so keep them small. {@link #putObjectIfAbsent} is atomic.
 */
public final class InMemoryObjectBackupStore implements ObjectBackupStore {
  private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();

  @Override
  public void putObject(String bucket, String key, InputStream body) {
    bucket(bucket).put(checkKey(key), readAll(bucket, key, body));
  }

  @Override
  public boolean putObjectIfAbsent(String bucket, String key, InputStream body) {
    byte[] content = readAll(bucket, key, body);
    return bucket(bucket).putIfAbsent(checkKey(key), content) == null;
  }

  @Override
  public boolean objectExists(String bucket, String key) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    return objects != null && objects.containsKey(key);
  }

  @Override
  public InputStream getObject(String bucket, String key) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    byte[] content = objects == null ? null : objects.get(key);
    if (content == null) {
      throw new ObjectNotFoundException(bucket, key);
    }
    return new ByteArrayInputStream(content);
  }

  @Override
  public List<String> listCommonPrefixes(String bucket, String prefix, String delimiter) {
    Set<String> prefixes = new TreeSet<>();
    for (String key : keysUnder(bucket, prefix)) {
      int end = key.indexOf(delimiter, prefix.length());
      if (end >= 0) {
        prefixes.add(key.substring(0, end + delimiter.length()));
      }
    }
    return new ArrayList<>(prefixes);
  }

  @Override
  public List<String> listObjects(String bucket, String prefix) {
    return new ArrayList<>(keysUnder(bucket, prefix));
  }

  @Override
  public void deleteObject(String bucket, String key) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    if (objects != null) {
      objects.remove(key);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ATOMIC_CREATE);
  }

  private Set<String> keysUnder(String bucket, String prefix) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    if (objects == null) {
      return Set.of();
    }
    return objects.tailMap(prefix, true).keySet().stream()
        .takeWhile(key -> key.startsWith(prefix))
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  private NavigableMap<String, byte[]> bucket(String bucket) {
    if (bucket == null || bucket.isEmpty()) {
      throw new BackupException(StandardErrorCode.INVALID_ARGUMENT, "bucket name is empty");
    }
    return buckets.computeIfAbsent(bucket, name -> new ConcurrentSkipListMap<>());
  }

  private static String checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new BackupException(StandardErrorCode.INVALID_ARGUMENT, "object key is empty");
    }
    return key;
  }

  private static byte[] readAll(String bucket, String key, InputStream body) {
    try {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "error reading the content of " + key + " for bucket " + bucket, e);
    }
  }
}
