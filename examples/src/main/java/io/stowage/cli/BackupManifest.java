package io.stowage.cli;

import io.stowage.api.BackupException;
import io.stowage.api.velero.v1.Backup;
import io.stowage.api.velero.v1.VeleroJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a {@code velero.io/v1} Backup manifest, YAML or JSON, as {@code kubectl create -f} would
 * accept it.
 */
final class BackupManifest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private BackupManifest() {}

  /**
   * Reads one Backup.
   *
   * @throws IllegalArgumentException saying what is wrong with the file
   */
  static Backup read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read manifest " + file + ": " + e, e);
    }
    JsonNode tree = parse(file, text);
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          "manifest " + file + " holds no object; give a velero.io/v1 Backup");
    }
    String kind = tree.path("kind").asString("");
    String apiVersion = tree.path("apiVersion").asString("");
    if (!Backup.KIND.equals(kind) || !Backup.API_VERSION.equals(apiVersion)) {
      throw new IllegalArgumentException(
          "manifest "
              + file
              + " is "
              + (kind.isEmpty() ? "an object without kind" : "a " + kind)
              + (apiVersion.isEmpty() ? "" : " of " + apiVersion)
              + "; give apiVersion: "
              + Backup.API_VERSION
              + " and kind: "
              + Backup.KIND);
    }
    try {
      return VeleroJson.mapper().treeToValue(tree, Backup.class);
    } catch (JacksonException e) {
      throw invalidBackup(file, e.getOriginalMessage(), e);
    } catch (BackupException e) {
      throw invalidBackup(file, e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalidBackup(Path file, String why, Exception e) {
    return new IllegalArgumentException("manifest " + file + " is not a valid Backup: " + why, e);
  }

  private static JsonNode parse(Path file, String text) {
    try {
      if (text.stripLeading().startsWith("{")) {
        return VeleroJson.mapper().readTree(text);
      }
      try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
        List<JsonNode> all =
            documents.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).toList();
        if (all.size() > 1) {
          throw new IllegalArgumentException(
              "manifest " + file + " holds " + all.size() + " YAML documents; give one Backup");
        }
        return all.isEmpty() ? null : all.get(0);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "manifest " + file + " is neither valid YAML nor JSON: " + e.getOriginalMessage(), e);
    }
  }
}
