package io.stowage.testkit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stowage.api.BackupItem;
import io.stowage.api.ItemIdentity;
import io.stowage.api.spi.VolumeInfo;
import io.stowage.api.spi.VolumeSnapshotter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract every {@link VolumeSnapshotter} passes: what the engine relies on when it takes
 * native snapshots (Velero's flow, facts §6.9). A snapshotter's test extends this class and
 * supplies a snapshotter ({@link #newSnapshotter}), the settings it is initialised with ({@link
 * #config()}), a PersistentVolume it handles ({@link #handledVolume()}) and one it does not ({@link
 * #foreignVolume()}).
 *
 * <p>Checked for every snapshotter:
 *
 * <ul>
 *   <li>{@code init} with {@link #config()} works;
 *   <li>{@code volumeId} of the handled PV is non-blank and the same on every call and instance; of
 *       the foreign PV, and of a PV without a volume source, it is empty, not an exception (the
 *       engine asks every location about every PV); it never changes the PV;
 *   <li>{@code withVolumeId} returns a PV with the new id and leaves its argument unchanged;
 *   <li>{@code volumeInfo} returns a value with a type;
 *   <li>{@code createSnapshot} accepts the tags Velero passes (labels of the Backup, whose keys
 *       hold {@code /} and {@code .} and whose values may be empty, plus {@code velero.io/backup}
 *       and {@code velero.io/pv}) and returns a non-blank id, a new one each time, also when called
 *       from several threads at once;
 *   <li>{@code deleteSnapshot} of a snapshot, again of the same one, and of an unknown id does not
 *       throw.
 * </ul>
 *
 * <p>Opt-in checks, enabled by overriding a method (a disabled one is reported as skipped):
 *
 * <ul>
 *   <li>{@link #refusesUnknownConfigKeys()}: an unknown key in the settings fails creation or
 *       {@code init} with a message naming the key, as Velero's plugin framework does;
 *   <li>{@link #inspector()}: the test can look at the provider behind the SPI ({@link
 *       SnapshotInspector}), and the contract then checks that a snapshot exists with the tags
 *       given until it is deleted, and that deleting one snapshot leaves the others.
 * </ul>
 *
 * <p>Snapshots the contract creates are deleted after each test. Each test gets a new snapshotter,
 * created and initialised as the engine does: {@code newSnapshotter(config())}, then {@code
 * init(config())}.
 */
public abstract class VolumeSnapshotterContract {
  /** The key the unknown-key check adds to {@link #config()}. */
  protected static final String UNKNOWN_KEY = "stowageContractUnknownKey";

  /** Snapshots taken by {@link #concurrentCreateSnapshotsGiveDistinctIds}. */
  protected static final int CONCURRENT_SNAPSHOTS = 16;

  protected VolumeSnapshotter snapshotter;

  private final List<String> created = new ArrayList<>();

  /**
   * A new snapshotter, not yet initialised, as the plugin's provider creates it for a location with
   * these settings; typically {@code new MyProvider().create(PluginContext.of(config))}. The
   * contract calls {@code init(config)} itself.
   */
  protected abstract VolumeSnapshotter newSnapshotter(Map<String, String> config) throws Exception;

  /** The settings ({@code spec.config} of a VolumeSnapshotLocation) the tests use. */
  protected abstract Map<String, String> config();

  /** A new PersistentVolume the snapshotter handles; a new item on each call. */
  protected abstract BackupItem handledVolume();

  /** A new PersistentVolume the snapshotter does not handle; a new item on each call. */
  protected abstract BackupItem foreignVolume();

  /** The zone passed to {@code volumeInfo} and {@code createSnapshot}; {@code ""} when unknown. */
  protected String availabilityZone() {
    return "";
  }

  /** The id {@code withVolumeId} is asked to set, given the handled PV's id. */
  protected String restoredVolumeId(String volumeId) {
    return volumeId + "-restored";
  }

  /** An id of the provider's form that names no snapshot. */
  protected String unknownSnapshotId() {
    return "stowage-contract-missing-" + UUID.randomUUID();
  }

  /** {@code true} when the plugin refuses settings it does not know; enables that check. */
  protected boolean refusesUnknownConfigKeys() {
    return false;
  }

  /** How the test looks at the provider's snapshots; empty (the default) disables those checks. */
  protected Optional<SnapshotInspector> inspector() {
    return Optional.empty();
  }

  /** A view of the snapshots the provider holds, behind the SPI. */
  @FunctionalInterface
  public interface SnapshotInspector {
    /** The tags of a snapshot as the provider holds them, or empty when no snapshot has that id. */
    Optional<Map<String, String>> tags(String snapshotId);
  }

  @BeforeEach
  void openSnapshotter() throws Exception {
    snapshotter = initialised(config());
  }

  @AfterEach
  void deleteCreatedSnapshots() {
    if (snapshotter != null) {
      created.stream().filter(id -> id != null).forEach(snapshotter::deleteSnapshot);
    }
  }

  @Test
  void initWithTheConfigWorksOnEveryNewInstance() {
    assertThatCode(() -> initialised(config())).doesNotThrowAnyException();
  }

  @Test
  void initRefusesAnUnknownKeyNamingIt() {
    assumeTrue(refusesUnknownConfigKeys(), "the plugin does not declare that it refuses keys");
    Map<String, String> config = new LinkedHashMap<>(config());
    config.put(UNKNOWN_KEY, "x");

    assertThatThrownBy(() -> initialised(config)).hasMessageContaining(UNKNOWN_KEY);
  }

  @Test
  void volumeIdOfAHandledVolumeIsNonBlankAndStable() throws Exception {
    Optional<String> id = snapshotter.volumeId(handledVolume());

    assertThat(id).hasValueSatisfying(value -> assertThat(value).isNotBlank());
    assertThat(snapshotter.volumeId(handledVolume())).isEqualTo(id);
    assertThat(initialised(config()).volumeId(handledVolume())).isEqualTo(id);
  }

  @Test
  void volumeIdOfAForeignVolumeIsEmpty() {
    assertThat(snapshotter.volumeId(foreignVolume())).isEmpty();
  }

  @Test
  void volumeIdOfAVolumeWithoutSourceIsEmpty() {
    assertThat(snapshotter.volumeId(persistentVolume("contract-bare", "{}"))).isEmpty();
    assertThat(
            snapshotter.volumeId(
                new BackupItem(
                    identity("contract-no-spec"),
                    parse(
                        "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\","
                            + "\"metadata\":{\"name\":\"contract-no-spec\"}}"))))
        .isEmpty();
  }

  @Test
  void volumeIdDoesNotChangeTheVolume() {
    for (BackupItem volume : List.of(handledVolume(), foreignVolume())) {
      BackupItem before = volume.copy();

      snapshotter.volumeId(volume);

      assertThat(volume).isEqualTo(before);
    }
  }

  @Test
  void withVolumeIdPointsTheResultAtTheNewIdAndLeavesTheArgument() {
    BackupItem volume = handledVolume();
    BackupItem before = volume.copy();
    String original = snapshotter.volumeId(volume).orElseThrow();
    String restored = restoredVolumeId(original);

    BackupItem result = snapshotter.withVolumeId(volume, restored);

    assertThat(result).isNotNull();
    assertThat(result.identity()).isEqualTo(before.identity());
    assertThat(snapshotter.volumeId(result)).contains(restored);
    assertThat(volume).isEqualTo(before);
    assertThat(snapshotter.volumeId(volume)).contains(original);
  }

  @Test
  void volumeInfoHasAType() {
    VolumeInfo info = snapshotter.volumeInfo(handledVolumeId(), availabilityZone());

    assertThat(info).isNotNull();
    assertThat(info.volumeType()).isNotNull();
    if (info.iops() != null) {
      assertThat(info.iops()).isNotNegative();
    }
  }

  @Test
  void createSnapshotAcceptsVeleroTagsAndGivesANewIdEachTime() {
    Map<String, String> tags = veleroTags();

    String first = create(tags);
    String second = create(tags);

    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
    inspector()
        .ifPresent(
            snapshots -> {
              assertThat(snapshots.tags(first))
                  .hasValueSatisfying(held -> assertThat(held).containsAllEntriesOf(tags));
              assertThat(snapshots.tags(second)).isPresent();
            });
  }

  @Test
  void deleteSnapshotIsIdempotentAndTouchesNoOtherSnapshot() {
    String deleted = create(veleroTags());
    String kept = create(veleroTags());

    assertThatCode(() -> snapshotter.deleteSnapshot(deleted)).doesNotThrowAnyException();
    assertThatCode(() -> snapshotter.deleteSnapshot(deleted)).doesNotThrowAnyException();

    inspector()
        .ifPresent(
            snapshots -> {
              assertThat(snapshots.tags(deleted)).isEmpty();
              assertThat(snapshots.tags(kept)).isPresent();
            });
  }

  @Test
  void deleteSnapshotOfAnUnknownIdDoesNotThrow() {
    String unknown = unknownSnapshotId();

    assertThatCode(() -> snapshotter.deleteSnapshot(unknown)).doesNotThrowAnyException();
    assertThatCode(() -> snapshotter.deleteSnapshot(unknown)).doesNotThrowAnyException();
  }

  @Test
  void concurrentCreateSnapshotsGiveDistinctIds() throws Exception {
    String volumeId = handledVolumeId();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < CONCURRENT_SNAPSHOTS; i++) {
        Map<String, String> tags = new LinkedHashMap<>(veleroTags());
        tags.put("velero.io/pv", "contract-pv-" + i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return snapshotter.createSnapshot(volumeId, availabilityZone(), tags);
                }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<String> future : futures) {
        String id = future.get();
        synchronized (created) {
          created.add(id);
        }
        ids.add(id);
      }
      assertThat(ids).hasSize(CONCURRENT_SNAPSHOTS).allSatisfy(id -> assertThat(id).isNotBlank());
      inspector()
          .ifPresent(
              snapshots ->
                  assertThat(ids).allSatisfy(id -> assertThat(snapshots.tags(id)).isPresent()));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A PersistentVolume named {@code name} with the given {@code spec} (JSON), as the engine hands
   * PVs to a snapshotter; for {@link #handledVolume()} and {@link #foreignVolume()}.
   */
  protected static BackupItem persistentVolume(String name, String specJson) {
    ObjectNode body =
        parse(
            "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":"
                + JsonMapper.shared().writeValueAsString(name)
                + "},\"spec\":"
                + specJson
                + "}");
    return new BackupItem(identity(name), body);
  }

  /**
   * Tags as the engine builds them: the Backup's labels (keys with a DNS prefix and dots, an empty
   * value) plus {@code velero.io/backup} and {@code velero.io/pv}.
   */
  protected static Map<String, String> veleroTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("app.kubernetes.io/name", "shop");
    tags.put("team.example.com/cost-center", "cc-1.2_3");
    tags.put("velero.io/storage-location", "default");
    tags.put("example.com/flag", "");
    tags.put("velero.io/backup", "contract-backup");
    tags.put("velero.io/pv", "contract-pv");
    return tags;
  }

  private VolumeSnapshotter initialised(Map<String, String> config) throws Exception {
    VolumeSnapshotter instance = newSnapshotter(config);
    assertThat(instance).as("newSnapshotter").isNotNull();
    instance.init(config);
    return instance;
  }

  private String handledVolumeId() {
    return snapshotter
        .volumeId(handledVolume())
        .orElseThrow(() -> new AssertionError("volumeId of handledVolume() is empty"));
  }

  private String create(Map<String, String> tags) {
    String id = snapshotter.createSnapshot(handledVolumeId(), availabilityZone(), tags);
    synchronized (created) {
      created.add(id);
    }
    return id;
  }

  private static ItemIdentity identity(String name) {
    return new ItemIdentity("", "v1", "persistentvolumes", "", name);
  }

  private static ObjectNode parse(String json) {
    return (ObjectNode) JsonMapper.shared().readTree(json);
  }
}
