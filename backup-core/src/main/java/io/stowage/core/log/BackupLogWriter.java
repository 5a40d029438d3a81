package io.stowage.core.log;

import static java.util.Objects.requireNonNull;

import io.stowage.api.BackupLog;
import io.stowage.api.ResourceIdentifier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one backup: lines in logrus' text format ({@code time="..." level=info msg="..."
 * backup=ns/name ...}) gzipped into a stream, every line mirrored to SLF4J (info lines at debug),
 * warnings and errors counted and grouped into {@link BackupResults}. Thread-safe.
 *
 * <p>Lines written after {@link #close()} still count and reach SLF4J but not the file, as in
 * Velero.
 */
public final class BackupLogWriter implements BackupLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.stowage.backup");

  private final String backupKey;
  private final Clock clock;
  private final BackupResults results = new BackupResults();
  private Writer writer;
  private int warnings;
  private int errors;

  /**
   * @param target where the gzipped log goes; closed by {@link #close()}
   * @param backupKey {@code <namespace>/<name>} of the Backup, written on every line
   */
  public BackupLogWriter(OutputStream target, String backupKey, Clock clock) {
    this.backupKey = requireNonNull(backupKey, "backupKey is null");
    this.clock = requireNonNull(clock, "clock is null");
    try {
      this.writer =
          new OutputStreamWriter(new GZIPOutputStream(target, 64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void log(Level level, ResourceIdentifier item, String message, Throwable error) {
    String errorText = error == null ? null : describe(error);
    String line = format(level, item, message, errorText);
    logToSlf4j(level, line);
    synchronized (this) {
      if (level == Level.WARN) {
        warnings++;
        results.addWarning(resultNamespace(item), resultMessage(item, message, errorText));
      } else if (level == Level.ERROR) {
        errors++;
        results.addError(resultNamespace(item), resultMessage(item, message, errorText));
      }
      if (writer != null) {
        try {
          writer.write(line);
          writer.write('\n');
        } catch (IOException e) {
          LOG.warn("cannot write to the log of backup {}: {}", backupKey, e.getMessage());
        }
      }
    }
  }

  public synchronized int warnings() {
    return warnings;
  }

  public synchronized int errors() {
    return errors;
  }

  public synchronized BackupResults results() {
    return results;
  }

  /** Finishes the gzip stream. Later lines are counted but not written. */
  @Override
  public synchronized void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer = null;
    }
  }

  private String format(Level level, ResourceIdentifier item, String message, String errorText) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder line = new StringBuilder(128);
    line.append("time=\"").append(now).append("\" level=").append(levelName(level));
    line.append(" msg=").append(quote(message == null ? "" : message));
    Map<String, String> fields = new TreeMap<>();
    fields.put("backup", backupKey);
    if (item != null) {
      fields.put("resource", item.groupResource().toString());
      fields.put("namespace", item.namespace());
      fields.put("name", item.name());
    }
    if (errorText != null) {
      fields.put("error", errorText);
    }
    fields.forEach(
        (key, value) -> line.append(' ').append(key).append('=').append(quoteIfNeeded(value)));
    return line.toString();
  }

  private static String resultNamespace(ResourceIdentifier item) {
    return item == null ? null : item.namespace();
  }

  /** Velero's result text: " resource: /r name: /n message: /m error: /e". */
  private static String resultMessage(ResourceIdentifier item, String message, String errorText) {
    StringBuilder text = new StringBuilder();
    if (item != null) {
      text.append(" resource: /").append(item.groupResource());
      text.append(" name: /").append(item.name());
    }
    text.append(" message: /").append(message);
    if (errorText != null) {
      text.append(" error: /").append(errorText);
    }
    return text.toString();
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }

  private static String levelName(Level level) {
    return switch (level) {
      case DEBUG -> "debug";
      case INFO -> "info";
      case WARN -> "warning";
      case ERROR -> "error";
    };
  }

  private void logToSlf4j(Level level, String line) {
    switch (level) {
      case DEBUG -> LOG.debug(line);
      // Info lines (one per item) stay in the backup's own log; hosts see them at debug.
      case INFO -> LOG.debug(line);
      case WARN -> LOG.warn(line);
      case ERROR -> LOG.error(line);
    }
  }

  private static String quoteIfNeeded(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '/'
              || c == '@'
              || c == '^'
              || c == '+';
      if (!plain) {
        return quote(value);
      }
    }
    return value.isEmpty() ? "\"\"" : value;
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
