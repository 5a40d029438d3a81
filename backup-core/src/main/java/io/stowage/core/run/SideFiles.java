package io.stowage.core.run;

import io.stowage.api.BackupResult;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.VeleroJson;
import io.stowage.core.archive.GoJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes the small files stored beside a tarball as Velero does: gzip of compact JSON with Go's
 * escaping and a trailing newline (facts §9.1).
 */
final class SideFiles {
  private SideFiles() {}

  static byte[] resourceList(BackupResult result) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    result
        .resourceList()
        .forEach(
            (type, names) -> {
              ArrayNode array = json.putArray(type);
              names.forEach(array::add);
            });
    return gzipJson(json);
  }

  /**
   * {@code -results.gz}: Velero encodes a {@code map[string]Result} with both keys, {@code errors}
   * and {@code warnings}, always present (only the fields inside a Result are omitempty).
   */
  static byte[] results(ObjectNode results) {
    ObjectNode json = JsonNodeFactory.instance.objectNode(); // Go sorts map keys
    json.set("errors", orEmpty(results.get("errors")));
    json.set("warnings", orEmpty(results.get("warnings")));
    return gzipJson(json);
  }

  private static JsonNode orEmpty(JsonNode node) {
    return node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
  }

  static byte[] volumeSnapshots(BackupResult result) {
    if (result == null || result.volumeSnapshots().isEmpty()) {
      return gzipJson(JsonNodeFactory.instance.nullNode());
    }
    return gzipJson(VeleroJson.mapper().valueToTree(result.volumeSnapshots()));
  }

  /**
   * {@code -volumeinfo.json.gz}: the result's entries, {@code []} when there are none (Velero
   * allocates the list before the run, so it never writes {@code null}).
   */
  static byte[] volumeInfos(BackupResult result) {
    List<BackupVolumeInfo> infos = result == null ? List.of() : result.volumeInfos();
    return gzip(VeleroJson.writeVolumeInfos(infos));
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Kubernetes objects as a JSON array, or {@code null} when there are none (a nil Go slice). */
  static byte[] list(List<? extends JsonNode> objects) {
    if (objects.isEmpty()) {
      return nullList();
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    objects.forEach(array::add);
    return gzipJson(array);
  }

  /** Go encodes an empty slice it never allocated as {@code null}. */
  static byte[] nullList() {
    return gzipJson(JsonNodeFactory.instance.nullNode());
  }

  static byte[] emptyList() {
    return gzipJson(JsonNodeFactory.instance.arrayNode());
  }

  static byte[] gzipJson(JsonNode json) {
    return gzip(GoJson.compactWithNewline(json));
  }
}
