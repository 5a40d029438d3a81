package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher with what discovery-driven backup code needs from an API server.
 *
 * <p>Pass it to {@code new KubernetesMockServer(context, webServer, responses, dispatcher, false)}
 * or, simpler, use {@link EmbeddedKubernetes}. On top of the stock CRUD behaviour it serves:
 *
 * <ul>
 *   <li><b>Discovery</b>: {@code /version}, {@code /}, {@code /api}, {@code /api/v1}, {@code
 *       /apis}, {@code /apis/<group>}, {@code /apis/<group>/<version>} for a table of common
 *       built-in resources plus the resources of every stored {@code apiextensions.k8s.io/v1} CRD
 *       (all served versions; the storage version is the group's preferred one). Full verbs,
 *       singular and short names, categories and subresource entries ({@code pods/exec}, {@code
 *       <plural>/status}, ...). Unknown groups and versions answer 404, {@code /openapi/*} answers
 *       404, {@code /healthz}, {@code /livez}, {@code /readyz} answer {@code ok}. Query strings are
 *       ignored.
 *   <li><b>Lists</b> (GET on a collection, not a watch): ordered by {@code namespace/name}, paged
 *       by {@code limit}/{@code continue} with {@code remainingItemCount}, typed as {@code
 *       <Kind>List}, with the store's latest resourceVersion; label selectors in full (equality,
 *       existence, {@code in}, {@code notin}); field selectors on {@code metadata.name} and {@code
 *       metadata.namespace} as in the stock mock. A malformed selector or continue token answers
 *       400.
 *   <li><b>{@code pods/exec}</b> over WebSocket ({@code v4.channel.k8s.io}), answered by the {@link
 *       ExecHandler} set with {@link #setExecHandler}.
 *   <li><b>Secret {@code stringData}</b> folded into {@code data} on create, update and patch.
 *   <li><b>Direct seeding</b> with {@link #seed(Iterable)}, without HTTP.
 * </ul>
 *
 * <p>Still not modelled (as in the stock mock): strategic merge patch and server-side apply,
 * protobuf, watch resourceVersion semantics and HTTP-streaming watches ({@code watch=1}), label
 * selectors on watches beyond equality and existence, namespace cascade deletion, admission and
 * validation, {@code kubectl exec} (it needs {@code v5.channel.k8s.io}), aggregated discovery and
 * OpenAPI. Two gaps of this layer: list pages are not a consistent snapshot (objects written
 * between pages appear or not by key), and a custom resource is served only under the version it
 * was stored with, although discovery lists every served version of its CRD (there is no
 * conversion). Single-object GETs and HTTP writes scan the whole store, so keep HTTP-created
 * fixtures in the low thousands and seed big ones.
 *
 * <p>Thread safety: requests arrive on the server's event loop; seeding may happen from any thread
 * at any time.
 */
public class RealisticCrudDispatcher extends KubernetesCrudDispatcher {

  /** The {@code gitVersion} reported by {@code /version} unless told otherwise. */
  public static final String DEFAULT_GIT_VERSION = "v1.32.0";

  private static final Pattern CORE_LIST = Pattern.compile("/api/v1(?:/namespaces/[^/]+)?/[^/]+");
  private static final Pattern GROUP_LIST =
      Pattern.compile("/apis/([^/]+)/([^/]+)(?:/namespaces/[^/]+)?/[^/]+");
  private static final Pattern PLURAL_AT_END = Pattern.compile(".*/([^/]+)");
  private static final String CRD_GROUP = "apiextensions.k8s.io";
  private static final String CRD_PLURAL = "customresourcedefinitions";

  private final DiscoveryDocuments discovery;
  private final SeedEncoder encoder;
  private final ListPager lists;
  private final AtomicLong latestResourceVersion = new AtomicLong();
  private final ExecutorService execWorkers;
  private volatile ExecHandler execHandler = ExecHandler.SUCCEED_SILENTLY;

  /** The stock dispatcher's store write lock, captured through its {@code locked} hook. */
  private volatile Lock storeWriteLock;

  // Guarded by the CRUD map's monitor.
  private ApiCatalog catalog = ApiCatalog.of(BuiltinResources.ALL, List.of());
  private boolean crdsChanged;
  private final Map<String, AttributeSet> keysByIdentity = new HashMap<>();
  private boolean identitiesStale = true;

  /** A dispatcher whose {@code /version} reports {@link #DEFAULT_GIT_VERSION}. */
  public RealisticCrudDispatcher() {
    this(DEFAULT_GIT_VERSION);
  }

  /**
   * @param gitVersion what {@code /version} reports, e.g. {@code v1.31.4}; major and minor are
   *     derived from it
   * @throws IllegalArgumentException if it does not look like {@code v<major>.<minor>...}
   */
  public RealisticCrudDispatcher(String gitVersion) {
    discovery = new DiscoveryDocuments(gitVersion);
    encoder = new SeedEncoder((KubernetesAttributesExtractor) attributeExtractor);
    lists = new ListPager(map);
    execWorkers = Executors.newCachedThreadPool(daemonThreads("embedded-k8s-exec-"));
    // The store is empty: resetting it only makes the stock dispatcher take its write lock once,
    // which hands the lock to locked() so that seeding can exclude concurrent requests.
    super.reset();
  }

  /**
   * Routes {@code pods/exec} requests to {@code handler} from now on.
   *
   * @param handler the handler; null restores {@link ExecHandler#SUCCEED_SILENTLY}
   */
  public void setExecHandler(ExecHandler handler) {
    execHandler = handler == null ? ExecHandler.SUCCEED_SILENTLY : handler;
  }

  /**
   * Puts objects straight into the store, as if created over HTTP but without per-object HTTP and
   * store scans: fast enough for 100,000 small objects. Watches are not notified.
   *
   * <p>Works for typed objects and {@link GenericKubernetesResource}s alike; the objects are not
   * modified. Each gets a fresh {@code resourceVersion}; {@code uid}, {@code creationTimestamp} and
   * {@code generation} are filled in where missing; a namespaced object without namespace goes to
   * {@code default}; a Secret's {@code stringData} is folded into {@code data}. An object with the
   * same group, resource, namespace and name as a stored one replaces it. Seeding a CRD makes its
   * resources discoverable and usable at once, including for objects later in the same call.
   *
   * @param objects objects with apiVersion, kind and metadata.name set; may be a lazy iterable
   * @throws IllegalArgumentException if an object lacks apiVersion, kind or name (objects before it
   *     stay seeded)
   */
  public void seed(Iterable<? extends HasMetadata> objects) {
    Objects.requireNonNull(objects, "objects");
    Lock lock = storeWriteLock;
    if (lock != null) {
      lock.lock();
    }
    try {
      synchronized (map) {
        refreshIdentities();
        try {
          for (HasMetadata object : objects) {
            seedOne(Objects.requireNonNull(object, "seeded object"));
          }
        } finally {
          lists.storeChanged();
        }
      }
    } finally {
      if (lock != null) {
        lock.unlock();
      }
    }
  }

  /**
   * Puts objects straight into the store; see {@link #seed(Iterable)}.
   *
   * @param objects objects with apiVersion, kind and metadata.name set
   */
  public void seed(HasMetadata... objects) {
    seed(Arrays.asList(objects));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      ApiRequest api = ApiRequest.parse(request.getPath());
      Optional<ExecTarget> exec = ExecTarget.of(api);
      if (exec.isPresent()) {
        return exec(request, exec.get());
      }
      if (request.method() == HttpMethod.GET) {
        MockResponse answered = answerGet(api);
        if (answered != null) {
          return answered;
        }
      }
      MockResponse response = super.dispatch(request);
      if (response == null) {
        return status(405, "MethodNotAllowed", request.getMethod() + " is not supported");
      }
      if (request.method() != HttpMethod.GET && request.method() != HttpMethod.DELETE) {
        foldSecretInResponse(api.path(), response);
      }
      return response;
    } catch (IllegalArgumentException e) {
      return status(400, "BadRequest", e.getMessage());
    } catch (RuntimeException e) {
      return status(500, "InternalError", "embedded API server failed: " + e);
    }
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    String state =
        SecretStringData.mayNeedFolding(path, newState)
            ? SecretStringData.fold(newState)
            : newState;
    // Every HTTP write passes here holding the stock write lock; the map monitor additionally
    // makes its remove-then-put atomic for list pages, which only hold the monitor.
    synchronized (map) {
      super.processEvent(path, pathAttributes, oldAttributes, resource, state);
      identitiesStale = true;
      lists.storeChanged();
      if (path.contains("/" + CRD_PLURAL)) {
        crdsChanged = true;
      }
    }
  }

  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    latestResourceVersion.accumulateAndGet(version, Math::max);
    return version;
  }

  /** Clears the store, like the stock dispatcher, and forgets stored CRDs' resources. */
  @Override
  public void reset() {
    super.reset();
    synchronized (map) {
      crdsChanged = true;
      identitiesStale = true;
      lists.storeChanged();
    }
  }

  /** Stops the exec worker threads once the server has stopped. */
  @Override
  public void releaseResources() {
    super.releaseResources();
    execWorkers.shutdownNow();
  }

  /** Captures the stock dispatcher's write lock the first time it is taken. */
  @Override
  protected void locked(Lock lock) {
    super.locked(lock);
    if (storeWriteLock == null && lock instanceof ReentrantReadWriteLock.WriteLock) {
      storeWriteLock = lock;
    }
  }

  private MockResponse answerGet(ApiRequest api) {
    String path = api.path();
    if (DiscoveryDocuments.isDiscoveryPath(path)) {
      return discovery
          .render(path, catalog())
          .map(RealisticCrudDispatcher::json)
          .orElseGet(() -> status(404, "NotFound", "the server could not find " + path));
    }
    if (path.startsWith("/openapi")) {
      return status(404, "NotFound", "OpenAPI is not served by the embedded API server");
    }
    if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
      return new MockResponse().setResponseCode(200).setBody("ok");
    }
    if (isWatch(api)) {
      return null;
    }
    Matcher core = CORE_LIST.matcher(path);
    Matcher group = GROUP_LIST.matcher(path);
    if (core.matches()) {
      return list(api, "", "v1");
    }
    if (group.matches()) {
      return list(api, group.group(1), group.group(2));
    }
    return null;
  }

  private MockResponse list(ApiRequest api, String group, String version) {
    Matcher pluralMatcher = PLURAL_AT_END.matcher(api.path());
    String plural = pluralMatcher.matches() ? pluralMatcher.group(1) : "";
    String fieldSelector = api.param("fieldSelector");
    String queryPath =
        fieldSelector == null || fieldSelector.isBlank()
            ? api.path()
            : api.path()
                + "?fieldSelector="
                + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8);
    AttributeSet query = attributeExtractor.fromPath(queryPath);
    String apiVersion = group.isEmpty() ? version : group + "/" + version;
    String kind =
        catalog().byPlural(group, version, plural).map(t -> t.kind() + "List").orElse("List");
    ListPager.Request request =
        new ListPager.Request(
            query,
            group.isEmpty(),
            api.param("labelSelector"),
            parseLimit(api.param("limit")),
            blankToNull(api.param("continue")),
            apiVersion,
            kind);
    return json(lists.page(request, latestResourceVersion.get()));
  }

  private MockResponse exec(RecordedRequest request, ExecTarget target) {
    if (request.method() != HttpMethod.GET || !isWebSocketUpgrade(request)) {
      return status(
          400,
          "BadRequest",
          "pods/exec is served over WebSocket (v4.channel.k8s.io) only;"
              + " SPDY and kubectl exec are not supported by the embedded API server");
    }
    return new MockResponse()
        .withWebSocketUpgrade(new ExecSession(target, execHandler, execWorkers));
  }

  private void foldSecretInResponse(String path, MockResponse response) {
    if (response.getBody() == null || response.getBody().size() == 0) {
      return;
    }
    String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    if (SecretStringData.mayNeedFolding(path, body)) {
      response.setBody(SecretStringData.fold(body));
    }
  }

  // Requires the map monitor.
  private void seedOne(HasMetadata object) {
    SeedEncoder.Encoded encoded = encoder.encode(object, catalog(), this::requestResourceVersion);
    AttributeSet previous = keysByIdentity.put(encoded.identity(), encoded.key());
    if (previous != null) {
      map.remove(previous);
    }
    map.put(encoded.key(), encoded.json());
    if (isCrd(encoded.key())) {
      crdsChanged = true;
      CustomResourceDefinition crd =
          Serialization.unmarshal(encoded.json(), CustomResourceDefinition.class);
      for (ResourceType type : CrdResourceTypes.of(crd)) {
        expectCustomResource(CrdResourceTypes.context(type, crd.getMetadata().getName()));
      }
    }
  }

  private ApiCatalog catalog() {
    synchronized (map) {
      if (crdsChanged) {
        crdsChanged = false;
        List<CustomResourceDefinition> crds = new ArrayList<>();
        for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
          if (isCrd(e.getKey())) {
            parseCrd(e.getValue()).ifPresent(crds::add);
          }
        }
        catalog = ApiCatalog.of(BuiltinResources.ALL, crds);
      }
      return catalog;
    }
  }

  // Requires the map monitor.
  private void refreshIdentities() {
    if (identitiesStale) {
      keysByIdentity.clear();
      for (AttributeSet key : map.keySet()) {
        keysByIdentity.put(SeedEncoder.identity(key), key);
      }
      identitiesStale = false;
    }
  }

  private static Optional<CustomResourceDefinition> parseCrd(String json) {
    try {
      CustomResourceDefinition crd = Serialization.unmarshal(json, CustomResourceDefinition.class);
      return Optional.ofNullable(crd)
          .filter(c -> (CRD_GROUP + "/v1").equals(c.getApiVersion()) && c.getSpec() != null);
    } catch (RuntimeException e) {
      return Optional.empty(); // not a v1 CRD we can read: it simply adds no resources
    }
  }

  private static boolean isCrd(AttributeSet key) {
    return CRD_GROUP.equals(ListPager.value(key, KubernetesAttributesExtractor.API))
        && CRD_PLURAL.equals(ListPager.value(key, KubernetesAttributesExtractor.PLURAL));
  }

  private static boolean isWatch(ApiRequest api) {
    return api.flag("watch");
  }

  private static boolean isWebSocketUpgrade(RecordedRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }

  private static long parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(limit.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be an integer, got: " + limit, e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static MockResponse json(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .addHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse status(int code, String reason, String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withMessage(message)
            .withReason(reason)
            .withCode(code)
            .build();
    return new MockResponse()
        .setResponseCode(code)
        .addHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(status));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
