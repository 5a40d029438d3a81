package io.stowage.api.velero.v1;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the velero.io/v1 model the way Velero (Go's {@code encoding/json} through the
 * Kubernetes serializer) does.
 *
 * <ul>
 *   <li>Unknown properties never fail a read; the model keeps them (see {@link ExtensibleObject}).
 *   <li>Object fields come in Velero's declaration order; map keys are sorted, as Go sorts them.
 *   <li>Strings are escaped as Go escapes them: {@code <}, {@code >}, {@code &}, U+2028, U+2029 and
 *       the control characters without a short form ({@code \n}, {@code \t}, ...) become a
 *       backslash, {@code u} and four lower-case hex digits.
 *   <li>Times ({@link Instant}) are RFC 3339 in UTC with second precision, {@code
 *       "2026-01-02T03:04:05Z"}, and are read leniently (fractional seconds and offsets are
 *       accepted). Durations are {@link GoDuration} strings. Both are carried by annotations on the
 *       model, so other Jackson 3 mappers write the same values.
 * </ul>
 *
 * <p>Reading fails with a {@link BackupException} ({@link StandardErrorCode#INVALID_ARGUMENT}) when
 * the JSON is malformed or does not fit the model (for example an unknown phase or a bad duration);
 * an I/O failure of the stream is an {@link UncheckedIOException}. Streams are read, not closed.
 */
public final class VeleroJson {
  private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ISO_INSTANT;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .characterEscapes(new GoCharacterEscapes())
                  .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** Go's {@code json.MarshalIndent} with a two-space indent: {@code "key": value}, {@code {}}. */
  private static final ObjectWriter PRETTY =
      MAPPER
          .writer()
          .with(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private VeleroJson() {}

  /**
   * The configured mapper: unknown properties do not fail, map keys are sorted, strings are escaped
   * as Go does. Immutable and thread-safe, as every Jackson 3 mapper; {@code rebuild()} gives a
   * builder for a variant.
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Reads a Backup, for example {@code velero-backup.json} or a Backup from the API server. */
  public static Backup readBackup(InputStream in) {
    requireNonNull(in, "in is null");
    return read(() -> MAPPER.readValue(in, Backup.class), Backup.KIND);
  }

  /** Reads a Backup from JSON text. */
  public static Backup readBackup(String json) {
    requireNonNull(json, "json is null");
    return read(() -> MAPPER.readValue(json, Backup.class), Backup.KIND);
  }

  /** Reads a Backup from UTF-8 JSON bytes. */
  public static Backup readBackup(byte[] json) {
    requireNonNull(json, "json is null");
    return read(() -> MAPPER.readValue(json, Backup.class), Backup.KIND);
  }

  /**
   * The bytes of {@code velero-backup.json}: 2-space indented JSON as Go's {@code MarshalIndent}
   * writes it, UTF-8, starting with {@code "kind"} and {@code "apiVersion"}, with no trailing
   * newline.
   */
  public static byte[] writeBackupPretty(Backup backup) {
    return writePretty(requireNonNull(backup, "backup is null"));
  }

  public static BackupStorageLocation readBackupStorageLocation(InputStream in) {
    requireNonNull(in, "in is null");
    return read(
        () -> MAPPER.readValue(in, BackupStorageLocation.class), BackupStorageLocation.KIND);
  }

  public static BackupStorageLocation readBackupStorageLocation(String json) {
    requireNonNull(json, "json is null");
    return read(
        () -> MAPPER.readValue(json, BackupStorageLocation.class), BackupStorageLocation.KIND);
  }

  /** A BackupStorageLocation as 2-space indented JSON without a trailing newline. */
  public static byte[] writeBackupStorageLocationPretty(BackupStorageLocation location) {
    return writePretty(requireNonNull(location, "location is null"));
  }

  public static VolumeSnapshotLocation readVolumeSnapshotLocation(InputStream in) {
    requireNonNull(in, "in is null");
    return read(
        () -> MAPPER.readValue(in, VolumeSnapshotLocation.class), VolumeSnapshotLocation.KIND);
  }

  public static VolumeSnapshotLocation readVolumeSnapshotLocation(String json) {
    requireNonNull(json, "json is null");
    return read(
        () -> MAPPER.readValue(json, VolumeSnapshotLocation.class), VolumeSnapshotLocation.KIND);
  }

  /** A VolumeSnapshotLocation as 2-space indented JSON without a trailing newline. */
  public static byte[] writeVolumeSnapshotLocationPretty(VolumeSnapshotLocation location) {
    return writePretty(requireNonNull(location, "location is null"));
  }

  /** Any model value as 2-space indented JSON (Go's {@code MarshalIndent}), no trailing newline. */
  public static byte[] writePretty(Object value) {
    return PRETTY.writeValueAsBytes(value);
  }

  /** Any model value as compact JSON (Go's {@code Marshal}), no trailing newline. */
  public static byte[] writeCompact(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /**
   * The content of {@code <name>-volumesnapshots.json.gz} before gzip: a compact JSON array of the
   * records followed by a newline, as Velero's encoder writes it.
   */
  public static byte[] writeVolumeSnapshots(List<NativeVolumeSnapshot> snapshots) {
    requireNonNull(snapshots, "snapshots is null");
    byte[] json = MAPPER.writeValueAsBytes(snapshots);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /**
   * Reads the (gunzipped) content of {@code <name>-volumesnapshots.json.gz}; JSON null is empty.
   */
  public static List<NativeVolumeSnapshot> readVolumeSnapshots(InputStream in) {
    requireNonNull(in, "in is null");
    List<NativeVolumeSnapshot> snapshots =
        read(
            () -> MAPPER.readValue(in, new TypeReference<List<NativeVolumeSnapshot>>() {}),
            "volume snapshot list");
    return snapshots == null ? List.of() : List.copyOf(snapshots);
  }

  /**
   * The content of {@code <name>-volumeinfo.json.gz} before gzip: a compact JSON array of the
   * entries followed by a newline; {@code []} when there are none, as Velero writes it.
   */
  public static byte[] writeVolumeInfos(List<BackupVolumeInfo> volumeInfos) {
    requireNonNull(volumeInfos, "volumeInfos is null");
    byte[] json = MAPPER.writeValueAsBytes(volumeInfos);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /** Reads the (gunzipped) content of {@code <name>-volumeinfo.json.gz}; JSON null is empty. */
  public static List<BackupVolumeInfo> readVolumeInfos(InputStream in) {
    requireNonNull(in, "in is null");
    List<BackupVolumeInfo> infos =
        read(
            () -> MAPPER.readValue(in, new TypeReference<List<BackupVolumeInfo>>() {}),
            "volume info list");
    return infos == null ? List.of() : List.copyOf(infos);
  }

  /**
   * A deep copy, equal to writing the Backup and reading it back: unknown fields are copied, times
   * are cut to whole seconds.
   */
  public static Backup deepCopy(Backup backup) {
    requireNonNull(backup, "backup is null");
    return MAPPER.treeToValue(MAPPER.valueToTree(backup), Backup.class);
  }

  /** A deep copy, as {@link #deepCopy(Backup)}. */
  public static BackupStorageLocation deepCopy(BackupStorageLocation location) {
    requireNonNull(location, "location is null");
    return MAPPER.treeToValue(MAPPER.valueToTree(location), BackupStorageLocation.class);
  }

  /** A deep copy, as {@link #deepCopy(Backup)}. */
  public static VolumeSnapshotLocation deepCopy(VolumeSnapshotLocation location) {
    requireNonNull(location, "location is null");
    return MAPPER.treeToValue(MAPPER.valueToTree(location), VolumeSnapshotLocation.class);
  }

  /** The JSON tree the value is written as; handy for comparisons and patches. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * A Kubernetes time string: RFC 3339 in UTC, cut to whole seconds, for example {@code
   * "2026-01-02T03:04:05Z"} (Go's {@code metav1.Time}).
   */
  public static String formatTime(Instant time) {
    return TIME_FORMAT.format(requireNonNull(time, "time is null").truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Parses an RFC 3339 time leniently: fractional seconds, any offset and lower-case {@code t} /
   * {@code z} are accepted. {@code null} and {@code ""} give {@code null}.
   *
   * @throws DateTimeParseException when the text is not such a time
   */
  public static Instant parseTime(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return OffsetDateTime.parse(
            text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        .toInstant();
  }

  private interface Read<T> {
    T run();
  }

  private static <T> T read(Read<T> read, String what) {
    try {
      return read.run();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (JacksonException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "invalid " + what + " JSON: " + e.getOriginalMessage() + location(e),
          e);
    }
  }

  private static String location(JacksonException e) {
    String path = e.getPathReference();
    return path == null || path.isEmpty() ? "" : " (at " + path + ")";
  }

  /** Go's {@code encoding/json} string escaping (HTML-safe, as {@code json.Marshal} does). */
  private static final class GoCharacterEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
      for (int c = 0; c < 0x20; c++) {
        if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
          ASCII[c] = ESCAPE_CUSTOM;
        }
      }
      ASCII['<'] = ESCAPE_CUSTOM;
      ASCII['>'] = ESCAPE_CUSTOM;
      ASCII['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
