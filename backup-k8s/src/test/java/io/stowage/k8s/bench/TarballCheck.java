package io.stowage.k8s.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Counts a backup tarball's entries by resource, reading it as a stream. */
record TarballCheck(long entries, Map<String, Long> byResource) {

  static TarballCheck read(Path tarball) throws IOException {
    long entries = 0;
    Map<String, Long> byResource = new TreeMap<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in, 64 * 1024))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        entries++;
        byResource.merge(group(entry.getName()), 1L, Long::sum);
      }
    }
    return new TarballCheck(entries, byResource);
  }

  /** {@code metadata/version}, or {@code <resource>} / {@code <resource> preferred-version}. */
  private static String group(String name) {
    if (!name.startsWith("resources/")) {
      return name;
    }
    String[] parts = name.split("/");
    return parts[1] + (name.contains("-preferredversion/") ? " (preferred-version copies)" : "");
  }

  long count(String group) {
    return byResource.getOrDefault(group, 0L);
  }
}
