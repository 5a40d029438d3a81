package io.stowage.k8s;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.stowage.api.BackupException;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.StandardErrorCode;
import io.stowage.core.cluster.ApiGroupVersions;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ExecResult;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.cluster.ServerVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Cluster} on a fabric8 {@link KubernetesClient}. Lists and gets go as raw JSON through the
 * client's HTTP stack (its authentication, TLS and retries) and are parsed item by item, so a page
 * never exists as one big string; exec uses fabric8's pod exec.
 *
 * <p>The client belongs to the caller, who closes it. Discovery is cached after the first call and
 * refreshed when a type is asked for that the cache does not know.
 */
public final class Fabric8Cluster implements Cluster {
  private final KubernetesClient client;
  private final KubeHttp http;
  // Items are read one by one out of a list response, so later tokens must not fail a read.
  private final JsonMapper mapper =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private final ListPageReader pageReader = new ListPageReader(mapper);
  private final DiscoveryReader discoveryReader;
  private volatile Discovery discovery;

  public Fabric8Cluster(KubernetesClient client) {
    this.client = requireNonNull(client, "client is null");
    this.http = new KubeHttp(client);
    this.discoveryReader = new DiscoveryReader(http, mapper);
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public ServerVersion serverVersion() {
    try {
      VersionInfo version = client.getKubernetesVersion();
      return new ServerVersion(version.getGitVersion(), version.getMajor(), version.getMinor());
    } catch (RuntimeException e) {
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED,
          "error getting the server version from " + client.getMasterUrl() + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public Discovery discover() {
    Discovery fresh = discoveryReader.discover();
    discovery = fresh;
    return fresh;
  }

  @Override
  public ListPage list(
      ApiResource type, String namespace, String labelSelector, int limit, String continueToken) {
    StringBuilder path =
        new StringBuilder(
            ApiPaths.collection(
                type.group(), type.version(), type.resource(), type.namespaced() ? namespace : ""));
    List<String> query = new ArrayList<>();
    if (limit > 0) {
      query.add("limit=" + limit);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      query.add(ApiPaths.query("continue", continueToken));
    }
    if (labelSelector != null && !labelSelector.isEmpty()) {
      query.add(ApiPaths.query("labelSelector", labelSelector));
    }
    if (!query.isEmpty()) {
      path.append('?').append(String.join("&", query));
    }
    return http.get(path.toString(), body -> pageReader.read(body, type))
        .orElse(new ListPage(List.of(), ""));
  }

  @Override
  public Optional<ObjectNode> get(ApiResource type, String namespace, String name) {
    String path =
        ApiPaths.object(
            type.group(),
            type.version(),
            type.resource(),
            type.namespaced() ? namespace : "",
            name);
    return http.get(path, body -> (ObjectNode) mapper.readTree(body))
        .map(item -> ListPageReader.withTypeMeta(item, type));
  }

  @Override
  public Optional<ObjectNode> get(ResourceIdentifier id) {
    return get(type(id.groupResource()), id.namespace(), id.name());
  }

  @Override
  public List<ObjectNode> list(GroupResource resource, String namespace, String labelSelector) {
    ApiResource type = type(resource);
    List<ObjectNode> items = new ArrayList<>();
    String token = "";
    do {
      ListPage page = list(type, namespace == null ? "" : namespace, labelSelector, 500, token);
      items.addAll(page.items());
      token = page.continueToken();
    } while (!token.isEmpty());
    return items;
  }

  @Override
  public ObjectNode create(GroupResource resource, ObjectNode object) {
    ApiResource type = type(resource);
    String namespace =
        type.namespaced() ? object.path("metadata").path("namespace").asString("") : "";
    String path = ApiPaths.collection(type.group(), type.version(), type.resource(), namespace);
    String body = http.send("POST", path, "application/json", mapper.writeValueAsString(object));
    return (ObjectNode) mapper.readTree(body);
  }

  @Override
  public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
    ApiResource type = type(id.groupResource());
    String path =
        ApiPaths.object(
            type.group(),
            type.version(),
            type.resource(),
            type.namespaced() ? id.namespace() : "",
            id.name());
    String body =
        http.send("PATCH", path, "application/merge-patch+json", mapper.writeValueAsString(patch));
    return (ObjectNode) mapper.readTree(body);
  }

  /** Applies a JSON merge patch to the {@code status} subresource. */
  public ObjectNode mergePatchStatus(ResourceIdentifier id, ObjectNode patch) {
    ApiResource type = type(id.groupResource());
    String path =
        ApiPaths.object(
                type.group(),
                type.version(),
                type.resource(),
                type.namespaced() ? id.namespace() : "",
                id.name())
            + "/status";
    String body =
        http.send("PATCH", path, "application/merge-patch+json", mapper.writeValueAsString(patch));
    return (ObjectNode) mapper.readTree(body);
  }

  @Override
  public void delete(ResourceIdentifier id) {
    ApiResource type = type(id.groupResource());
    http.delete(
        ApiPaths.object(
            type.group(),
            type.version(),
            type.resource(),
            type.namespaced() ? id.namespace() : "",
            id.name()));
  }

  @Override
  public ExecResult exec(
      String namespace, String pod, String container, List<String> command, Duration timeout) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ExecWatch watch =
        client
            .pods()
            .inNamespace(namespace)
            .withName(pod)
            .inContainer(container)
            // fabric8 first waits for the pod to be ready; bound that wait by the hook's timeout
            // too.
            .withReadyWaitTimeout((int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
            .writingOutput(stdout)
            .writingError(stderr)
            .exec(command.toArray(String[]::new));
    try (watch) {
      int exitCode = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ExecResult(
          stdout.toString(StandardCharsets.UTF_8),
          stderr.toString(StandardCharsets.UTF_8),
          exitCode);
    } catch (TimeoutException e) {
      throw new BackupException(
          StandardErrorCode.TIMEOUT,
          "command "
              + command
              + " in container "
              + container
              + " of pod "
              + namespace
              + "/"
              + pod
              + " did not finish within "
              + timeout.toSeconds()
              + "s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(StandardErrorCode.CLUSTER_FAILED, "interrupted during exec", e);
    } catch (ExecutionException e) {
      throw new BackupException(
          StandardErrorCode.CLUSTER_FAILED,
          "error executing " + command + " in pod " + namespace + "/" + pod + ": " + e.getCause(),
          e.getCause());
    }
  }

  /** The preferred-version type of a group resource; refreshes discovery once when unknown. */
  public ApiResource type(GroupResource resource) {
    Optional<ApiResource> found = find(discovery == null ? discover() : discovery, resource);
    if (found.isEmpty()) {
      found = find(discover(), resource);
    }
    return found.orElseThrow(
        () ->
            new BackupException(
                StandardErrorCode.NOT_FOUND,
                "the server doesn't have a resource type \""
                    + resource
                    + "\"; check the name, or install its CustomResourceDefinition"));
  }

  private static Optional<ApiResource> find(Discovery discovery, GroupResource resource) {
    for (ApiGroupVersions group : discovery.groups()) {
      if (!group.group().equals(resource.group())) {
        continue;
      }
      for (ApiResource type : group.resources()) {
        if (type.resource().equals(resource.resource())) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asString();
  }
}
