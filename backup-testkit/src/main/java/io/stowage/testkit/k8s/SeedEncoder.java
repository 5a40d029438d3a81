package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an object to seed into what the CRUD store keeps: its JSON, with the server-owned metadata
 * filled in, and the attribute key the stock dispatcher would have derived for it.
 */
final class SeedEncoder {

  /**
   * An object ready for the store.
   *
   * @param key the attribute key
   * @param json the stored JSON
   * @param identity group, plural, namespace and name: one stored object per identity
   */
  record Encoded(AttributeSet key, String json, String identity) {}

  private static final String METADATA = "metadata";

  private final KubernetesAttributesExtractor extractor;
  private final ObjectMapper mapper = Serialization.jsonMapper();

  SeedEncoder(KubernetesAttributesExtractor extractor) {
    this.extractor = extractor;
  }

  /**
   * Encodes {@code object} without modifying it.
   *
   * <p>Sets {@code resourceVersion} from {@code resourceVersions}; sets {@code uid}, {@code
   * creationTimestamp} (now, second precision) and {@code generation} (1) only where missing. A
   * namespaced object without namespace goes to {@code default}; a cluster-scoped one loses its
   * namespace. A Secret's {@code stringData} is folded into {@code data}.
   *
   * @throws IllegalArgumentException if apiVersion, kind or name is missing
   */
  Encoded encode(HasMetadata object, ApiCatalog catalog, LongSupplier resourceVersions) {
    // One pass into a tree, one out: several times cheaper than binding a generic copy.
    JsonNode tree = mapper.valueToTree(object);
    if (!(tree instanceof ObjectNode node)) {
      throw new IllegalArgumentException("cannot seed " + object + ": not a JSON object");
    }
    String apiVersion = text(node, "apiVersion");
    String kind = text(node, "kind");
    ObjectNode meta =
        node.get(METADATA) instanceof ObjectNode existing ? existing : node.putObject(METADATA);
    String name = text(meta, "name");
    if (isBlank(apiVersion) || isBlank(kind) || isBlank(name)) {
      throw new IllegalArgumentException(
          "cannot seed an object without apiVersion, kind and metadata.name: "
              + apiVersion
              + " "
              + kind
              + " "
              + name);
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Optional<ResourceType> type = catalog.byKind(group, version, kind);
    String plural = type.map(ResourceType::plural).orElseGet(() -> pluralOf(object, kind));
    String namespace = text(meta, "namespace");
    boolean namespaced = type.map(ResourceType::namespaced).orElse(!isBlank(namespace));
    if (namespaced && isBlank(namespace)) {
      namespace = "default";
      meta.put("namespace", namespace);
    } else if (!namespaced) {
      namespace = null;
      meta.remove("namespace");
    }
    if (isBlank(text(meta, "uid"))) {
      meta.put("uid", UUID.randomUUID().toString());
    }
    if (isBlank(text(meta, "creationTimestamp"))) {
      meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (meta.get("generation") == null || meta.get("generation").isNull()) {
      meta.put("generation", 1L);
    }
    meta.put("resourceVersion", String.valueOf(resourceVersions.getAsLong()));
    SecretStringData.fold(node);

    AttributeSet key = extractor.extract(skeleton(apiVersion, kind, name, namespace, meta));
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = key.add(new Attribute(KubernetesAttributesExtractor.PLURAL, plural));
    }
    String identity = group + "|" + plural + "|" + nullToEmpty(namespace) + "|" + name;
    return new Encoded(key, mapper.writeValueAsString(node), identity);
  }

  /** The identity of a stored key, comparable with {@link Encoded#identity()}. */
  static String identity(AttributeSet key) {
    return nullToEmpty(ListPager.value(key, KubernetesAttributesExtractor.API))
        + "|"
        + nullToEmpty(ListPager.value(key, KubernetesAttributesExtractor.PLURAL))
        + "|"
        + nullToEmpty(ListPager.value(key, KubernetesAttributesExtractor.NAMESPACE))
        + "|"
        + nullToEmpty(ListPager.value(key, KubernetesAttributesExtractor.NAME));
  }

  /** Just what the attribute extractor reads: apiVersion, kind, name, namespace, labels. */
  private static GenericKubernetesResource skeleton(
      String apiVersion, String kind, String name, String namespace, ObjectNode meta) {
    ObjectMeta skeletonMeta = new ObjectMeta();
    skeletonMeta.setName(name);
    skeletonMeta.setNamespace(namespace);
    if (meta.get("labels") instanceof ObjectNode labels && !labels.isEmpty()) {
      Map<String, String> copy = new LinkedHashMap<>();
      labels.properties().forEach(e -> copy.put(e.getKey(), e.getValue().asString()));
      skeletonMeta.setLabels(copy);
    }
    GenericKubernetesResource skeleton = new GenericKubernetesResource();
    skeleton.setApiVersion(apiVersion);
    skeleton.setKind(kind);
    skeleton.setMetadata(skeletonMeta);
    return skeleton;
  }

  private static String pluralOf(HasMetadata original, String kind) {
    if (!(original instanceof GenericKubernetesResource)) {
      return original.getPlural();
    }
    return Pluralize.toPlural(kind.toLowerCase(Locale.ROOT));
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
