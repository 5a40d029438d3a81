package io.stowage.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tarball back for assertions: parsed entries, and the raw tar headers. */
final class TarballReader {
  record Entry(TarArchiveEntry header, byte[] content) {
    String name() {
      return header.getName();
    }

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** One 512-byte tar header as written, before PAX records are applied. */
  record RawHeader(String name, char typeflag, String mode) {}

  private TarballReader() {}

  static List<Entry> entries(byte[] tarGz) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)))) {
      TarArchiveEntry header;
      while ((header = tar.getNextEntry()) != null) {
        entries.add(new Entry(header, tar.readAllBytes()));
      }
    }
    return entries;
  }

  static byte[] gunzip(byte[] tarGz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
      return in.readAllBytes();
    }
  }

  /** Walks the raw tar: every header up to the two zero records, which must end the stream. */
  static List<RawHeader> rawHeaders(byte[] tarGz) throws IOException {
    byte[] tar = gunzip(tarGz);
    List<RawHeader> headers = new ArrayList<>();
    int position = 0;
    while (!isZero(tar, position)) {
      String name = field(tar, position, 100);
      String mode = field(tar, position + 100, 8).trim();
      long size = Long.parseLong(field(tar, position + 124, 12).trim(), 8);
      headers.add(new RawHeader(name, (char) tar[position + 156], mode));
      position += 512 + (int) ((size + 511) / 512 * 512);
    }
    assertThat(isZero(tar, position + 512)).as("second end-of-archive record").isTrue();
    assertThat(tar.length).as("nothing after the end records").isEqualTo(position + 1024);
    return headers;
  }

  private static boolean isZero(byte[] tar, int position) {
    for (int i = position; i < position + 512; i++) {
      if (tar[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] tar, int offset, int length) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = offset; i < offset + length && tar[i] != 0; i++) {
      bytes.write(tar[i]);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
