package io.stowage.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Warnings and errors of a backup grouped as Velero's {@code -results.gz}: messages about nothing
 * in particular under {@code velero}, about cluster-scoped items under {@code cluster}, about
 * namespaced items under {@code namespaces.<ns>}. Not thread-safe; {@link BackupLogWriter} guards
 * it.
 */
public final class BackupResults {
  private final Scope errors = new Scope();
  private final Scope warnings = new Scope();

  void addError(String namespace, String message) {
    errors.add(namespace, message);
  }

  void addWarning(String namespace, String message) {
    warnings.add(namespace, message);
  }

  public List<String> errors() {
    return errors.all();
  }

  public List<String> warnings() {
    return warnings.all();
  }

  /** {@code {"errors": Result, "warnings": Result}} with Velero's omitempty fields. */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode errorsJson = errors.toJson();
    ObjectNode warningsJson = warnings.toJson();
    if (!errorsJson.isEmpty()) {
      root.set("errors", errorsJson);
    }
    if (!warningsJson.isEmpty()) {
      root.set("warnings", warningsJson);
    }
    return root;
  }

  private static final class Scope {
    private final List<String> velero = new ArrayList<>();
    private final List<String> cluster = new ArrayList<>();
    private final Map<String, List<String>> namespaces = new TreeMap<>();

    void add(String namespace, String message) {
      if (namespace == null) {
        velero.add(message);
      } else if (namespace.isEmpty()) {
        cluster.add(message);
      } else {
        namespaces.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(message);
      }
    }

    List<String> all() {
      List<String> all = new ArrayList<>(velero);
      all.addAll(cluster);
      namespaces.values().forEach(all::addAll);
      return all;
    }

    ObjectNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      if (!velero.isEmpty()) {
        json.set("velero", strings(velero));
      }
      if (!cluster.isEmpty()) {
        json.set("cluster", strings(cluster));
      }
      if (!namespaces.isEmpty()) {
        ObjectNode byNamespace = json.putObject("namespaces");
        namespaces.forEach((ns, messages) -> byNamespace.set(ns, strings(messages)));
      }
      return json;
    }

    private static tools.jackson.databind.node.ArrayNode strings(List<String> values) {
      tools.jackson.databind.node.ArrayNode array = JsonNodeFactory.instance.arrayNode();
      values.forEach(array::add);
      return array;
    }
  }
}
