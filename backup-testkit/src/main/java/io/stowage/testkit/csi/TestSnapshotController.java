package io.stowage.testkit.csi;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stowage.api.Quantities;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A stand-in for the CSI snapshot controller and a CSI driver's {@code csi-snapshotter} sidecar,
 * for tests on an {@link EmbeddedKubernetes} that has the {@link SnapshotCrds} installed.
 *
 * <p>It polls VolumeSnapshots in all namespaces and binds each new one that names a PVC ({@code
 * spec.source.persistentVolumeClaimName}) and an existing VolumeSnapshotClass:
 *
 * <ol>
 *   <li>creates the VolumeSnapshotContent {@code snapcontent-<vs uid>} with the class's {@code
 *       driver} and {@code deletionPolicy}, {@code source.volumeHandle} from the PV's {@code
 *       spec.csi.volumeHandle}, the class name and a {@code volumeSnapshotRef} to the snapshot;
 *   <li>sets the content's status through {@code .../status}: {@code snapshotHandle} ({@code
 *       snapshot-<vs uid>}), {@code readyToUse}, {@code restoreSize} (the PV's capacity in bytes)
 *       and {@code creationTime} (Unix nanoseconds);
 *   <li>sets the snapshot's status through {@code .../status}: {@code
 *       boundVolumeSnapshotContentName}, {@code readyToUse}, {@code restoreSize} (a quantity) and
 *       {@code creationTime} (RFC 3339).
 * </ol>
 *
 * <p>A snapshot it cannot bind (no PVC, PV, CSI volume or class) stays unbound, and it is tried
 * again on the next poll. When a snapshot is deleted, a content this controller created for it with
 * {@code deletionPolicy: Delete} is deleted too, as the real controller does; {@code Retain}
 * contents stay.
 *
 * <p>Options, for tests of the unhappy paths: snapshots it leaves unbound forever, snapshots whose
 * content never becomes ready, and a delay before binding. Not modelled: pre-provisioned contents,
 * VolumeGroupSnapshots, finalizers and status errors.
 *
 * <p>Thread safety: {@link #close()} may be called from any thread; the controller works on one
 * daemon thread of its own and its own client.
 */
public final class TestSnapshotController implements AutoCloseable {
  private final KubernetesClient client;
  private final Predicate<GenericKubernetesResource> leaveUnbound;
  private final Predicate<GenericKubernetesResource> notReady;
  private final Duration delay;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Map<String, String> createdContents = new ConcurrentHashMap<>();
  private final AtomicInteger bound = new AtomicInteger();
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();

  private TestSnapshotController(Builder builder) {
    this.client = builder.k8s.newClient();
    this.leaveUnbound = builder.leaveUnbound;
    this.notReady = builder.notReady;
    this.delay = builder.delay;
    this.clock = Clock.systemUTC();
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "test-snapshot-controller");
              t.setDaemon(true);
              return t;
            });
    long every = builder.pollInterval.toMillis();
    loop.scheduleWithFixedDelay(this::pollOnce, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Options for a controller on {@code k8s}; {@link Builder#start()} starts it. */
  public static Builder on(EmbeddedKubernetes k8s) {
    return new Builder(requireNonNull(k8s, "k8s is null"));
  }

  /** Starts a controller with the defaults: binds every snapshot at once, ready to use. */
  public static TestSnapshotController start(EmbeddedKubernetes k8s) {
    return on(k8s).start();
  }

  /** How many snapshots this controller has bound so far. */
  public int boundCount() {
    return bound.get();
  }

  /**
   * The last failure of a poll, or null when no poll has failed. The controller keeps polling after
   * a failure, also after an {@link Error} thrown by a test's predicate.
   */
  public Throwable lastError() {
    return lastError.get();
  }

  /** Stops polling, waits for a poll under way to end, and closes the client. Idempotent. */
  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  private void pollOnce() {
    try {
      List<GenericKubernetesResource> snapshots =
          client
              .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
              .inAnyNamespace()
              .list()
              .getItems();
      Set<String> liveUids = new HashSet<>();
      for (GenericKubernetesResource snapshot : snapshots) {
        liveUids.add(snapshot.getMetadata().getUid());
        if (isBound(snapshot) || leaveUnbound.test(snapshot)) {
          continue;
        }
        Instant seen =
            firstSeen.computeIfAbsent(snapshot.getMetadata().getUid(), uid -> clock.instant());
        if (Duration.between(seen, clock.instant()).compareTo(delay) >= 0) {
          bind(snapshot);
        }
      }
      firstSeen.keySet().retainAll(liveUids);
      deleteOrphanedContents(liveUids);
    } catch (Throwable e) {
      // The API server may be reset between tests: try again next time. Anything escaping here
      // would silently cancel every later poll of the scheduled executor.
      lastError.set(e);
    }
  }

  private void bind(GenericKubernetesResource snapshot) {
    String namespace = snapshot.getMetadata().getNamespace();
    String uid = snapshot.getMetadata().getUid();
    Map<String, Object> spec = map(snapshot.getAdditionalProperties().get("spec"));
    String claim = string(map(spec.get("source")).get("persistentVolumeClaimName"));
    String className = string(spec.get("volumeSnapshotClassName"));
    if (claim.isEmpty() || className.isEmpty()) {
      return;
    }
    GenericKubernetesResource snapshotClass =
        client
            .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CLASSES)
            .withName(className)
            .get();
    PersistentVolumeClaim pvc =
        client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get();
    if (snapshotClass == null || pvc == null || pvc.getSpec().getVolumeName() == null) {
      return;
    }
    PersistentVolume pv = client.persistentVolumes().withName(pvc.getSpec().getVolumeName()).get();
    if (pv == null || pv.getSpec().getCsi() == null) {
      return;
    }
    String driver = string(snapshotClass.getAdditionalProperties().get("driver"));
    String deletionPolicy = string(snapshotClass.getAdditionalProperties().get("deletionPolicy"));
    long restoreSize = capacityBytes(pv);
    String contentName = "snapcontent-" + uid;
    Instant now = clock.instant();
    boolean ready = !notReady.test(snapshot);

    if (client
            .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
            .withName(contentName)
            .get()
        == null) {
      GenericKubernetesResource content = new GenericKubernetesResource();
      content.setApiVersion(SnapshotCrds.API_VERSION);
      content.setKind("VolumeSnapshotContent");
      content.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
      content.getMetadata().setName(contentName);
      Map<String, Object> contentSpec = new LinkedHashMap<>();
      contentSpec.put("deletionPolicy", deletionPolicy.isEmpty() ? "Delete" : deletionPolicy);
      contentSpec.put("driver", driver);
      contentSpec.put("source", Map.of("volumeHandle", pv.getSpec().getCsi().getVolumeHandle()));
      contentSpec.put("volumeSnapshotClassName", className);
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("apiVersion", SnapshotCrds.API_VERSION);
      ref.put("kind", "VolumeSnapshot");
      ref.put("name", snapshot.getMetadata().getName());
      ref.put("namespace", namespace);
      ref.put("resourceVersion", snapshot.getMetadata().getResourceVersion());
      ref.put("uid", uid);
      contentSpec.put("volumeSnapshotRef", ref);
      content.setAdditionalProperty("spec", contentSpec);
      client
          .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
          .resource(content)
          .create();
      createdContents.put(contentName, uid);
    }
    Map<String, Object> contentStatus = new LinkedHashMap<>();
    contentStatus.put("creationTime", now.getEpochSecond() * 1_000_000_000L + now.getNano());
    contentStatus.put("readyToUse", ready);
    contentStatus.put("restoreSize", restoreSize);
    contentStatus.put("snapshotHandle", "snapshot-" + uid);
    client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
        .withName(contentName)
        .editStatus(
            c -> {
              c.setAdditionalProperty("status", contentStatus);
              return c;
            });

    Map<String, Object> snapshotStatus = new LinkedHashMap<>();
    snapshotStatus.put("boundVolumeSnapshotContentName", contentName);
    snapshotStatus.put("creationTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
    snapshotStatus.put("readyToUse", ready);
    snapshotStatus.put("restoreSize", Quantities.binary(restoreSize));
    client
        .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOTS)
        .inNamespace(namespace)
        .withName(snapshot.getMetadata().getName())
        .editStatus(
            s -> {
              s.setAdditionalProperty("status", snapshotStatus);
              return s;
            });
    bound.incrementAndGet();
  }

  private void deleteOrphanedContents(Set<String> liveSnapshotUids) {
    for (Map.Entry<String, String> created : Map.copyOf(createdContents).entrySet()) {
      if (liveSnapshotUids.contains(created.getValue())) {
        continue;
      }
      GenericKubernetesResource content =
          client
              .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
              .withName(created.getKey())
              .get();
      if (content != null
          && "Delete"
              .equals(
                  string(
                      map(content.getAdditionalProperties().get("spec")).get("deletionPolicy")))) {
        client
            .genericKubernetesResources(SnapshotCrds.VOLUME_SNAPSHOT_CONTENTS)
            .withName(created.getKey())
            .delete();
      }
      createdContents.remove(created.getKey());
    }
  }

  private static boolean isBound(GenericKubernetesResource snapshot) {
    Map<String, Object> status = map(snapshot.getAdditionalProperties().get("status"));
    return !string(status.get("boundVolumeSnapshotContentName")).isEmpty();
  }

  private static long capacityBytes(PersistentVolume pv) {
    Map<String, Quantity> capacity = pv.getSpec().getCapacity();
    Quantity storage = capacity == null ? null : capacity.get("storage");
    if (storage == null) {
      return 0;
    }
    BigDecimal bytes = Quantity.getAmountInBytes(storage);
    return bytes.longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Options of a {@link TestSnapshotController}. */
  public static final class Builder {
    private final EmbeddedKubernetes k8s;
    private Predicate<GenericKubernetesResource> leaveUnbound = s -> false;
    private Predicate<GenericKubernetesResource> notReady = s -> false;
    private Duration delay = Duration.ZERO;
    private Duration pollInterval = Duration.ofMillis(50);

    private Builder(EmbeddedKubernetes k8s) {
      this.k8s = k8s;
    }

    /** Snapshots matching this are never bound (a driver that never answers). */
    public Builder leaveUnbound(Predicate<GenericKubernetesResource> value) {
      this.leaveUnbound = requireNonNull(value, "value is null");
      return this;
    }

    /** Snapshots matching this are bound with {@code readyToUse: false} (a snapshot being cut). */
    public Builder notReady(Predicate<GenericKubernetesResource> value) {
      this.notReady = requireNonNull(value, "value is null");
      return this;
    }

    /** How long a snapshot waits, from when it is first seen, before it is bound (none). */
    public Builder delay(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.delay = value;
      return this;
    }

    /** How often VolumeSnapshots are listed (every 50 ms). */
    public Builder pollInterval(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
      this.pollInterval = value;
      return this;
    }

    /**
     * Starts polling on a thread of its own with a client of its own.
     *
     * @throws IllegalStateException if the server is not started
     */
    public TestSnapshotController start() {
      return new TestSnapshotController(this);
    }
  }
}
