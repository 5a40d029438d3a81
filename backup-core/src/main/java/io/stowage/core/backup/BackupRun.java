package io.stowage.core.backup;

import io.stowage.api.BackupLog;
import io.stowage.api.BackupResult;
import io.stowage.api.GroupResource;
import io.stowage.api.ProgressListener;
import io.stowage.api.Request;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.BackupVolumeInfo;
import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.NativeVolumeSnapshot;
import io.stowage.core.archive.TarballWriter;
import io.stowage.core.cluster.ApiResource;
import io.stowage.core.cluster.Cluster;
import io.stowage.core.cluster.ListPage;
import io.stowage.core.filter.ActionSelector;
import io.stowage.core.filter.CollectionPlan;
import io.stowage.core.filter.LabelSelectors;
import io.stowage.core.filter.NamespaceFilter;
import io.stowage.core.filter.NamespaceTracker;
import io.stowage.core.filter.OrderedResources;
import io.stowage.core.filter.ResourceFilter;
import io.stowage.core.filter.ResourceResolver;
import io.stowage.core.filter.Selector;
import io.stowage.core.hooks.PodHooks;
import io.stowage.core.hooks.ResourceHook;
import io.stowage.core.prepare.SpecFilters;
import io.stowage.core.snapshot.CsiPlugin;
import io.stowage.core.snapshot.NativeSnapshots;
import io.stowage.core.snapshot.VolumeInfos;
import io.stowage.core.snapshot.VolumeSnapshotterFactory;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run of {@link KubernetesBackupper}: Velero's {@code BackupWithResolvers} with the collector
 * and the item backupper interleaved, so that items stream from list pages into the tarball.
 *
 * <p>Order: {@code metadata/version}; every listed type in Velero's collection order, page by page,
 * with {@code orderedResources} first within their type; then the Namespace objects Velero keeps
 * (§5.10), which needs every type collected first; then the CRDs of backed-up custom resources
 * (§6.14).
 */
final class BackupRun {
  private final Cluster cluster;
  private final List<NamedAction> actions;
  private final BackupperOptions options;
  private final VolumeSnapshotterFactory snapshotters;
  private final Request request;
  private final BackupLog log;
  private final ProgressListener listener;
  private final BackedUpItems backedUp = new BackedUpItems();
  private final AtomicInteger collected = new AtomicInteger();

  BackupRun(
      Cluster cluster,
      List<NamedAction> actions,
      BackupperOptions options,
      VolumeSnapshotterFactory snapshotters,
      Request request,
      BackupLog log,
      ProgressListener listener) {
    this.cluster = cluster;
    this.actions = actions;
    this.options = options;
    this.snapshotters = snapshotters;
    this.request = request;
    this.log = log;
    this.listener = listener;
  }

  BackupResult run(OutputStream out) {
    ProgressReporter progress =
        new ProgressReporter(listener, log, options.clock(), options.progressInterval());
    String failure = null;
    ItemBackupper items = null;
    BackupScope scope = null;
    // Writing and closing the tarball can fail too (compression runs on its own thread and reports
    // a failed target at a later write or at close); either way the backup fails with the reason.
    try (TarballWriter tarball = TarballWriter.open(out, false)) {
      tarball.writeVersion();
      scope = scope(tarball);
      items = new ItemBackupper(scope, backedUp);
      collect(scope, items, new PodBlocks(scope, items, options.pageSize()), progress);
    } catch (RuntimeException e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      log.error("error backing up: " + failure, e);
    }
    int total = collected.get() + (items == null ? 0 : items.discovered());
    progress.maybeReport(Math.max(total, backedUp.size()), backedUp.size());
    progress.finish(backedUp.size(), backedUp.size());
    int hooksAttempted = scope == null ? 0 : scope.hooks().attempted();
    int hooksFailed = scope == null ? 0 : scope.hooks().failed();
    CsiSnapshotSummary csi = csiSnapshots(scope);
    List<NativeVolumeSnapshot> records = scope == null ? List.of() : scope.snapshots().records();
    List<BackupVolumeInfo> volumeInfos =
        scope == null
            ? List.of()
            : VolumeInfos.of(
                scope.snapshots().volumes(),
                records,
                csi.volumeSnapshots(),
                csi.contents(),
                options.clock().instant(),
                log);
    return BackupResult.builder()
        .items(backedUp.size(), backedUp.size())
        .resourceList(backedUp.resourceList())
        .volumeSnapshots(records)
        .hooks(hooksAttempted, hooksFailed)
        .csiVolumeSnapshotCounts(csi.attempted(), csi.completed())
        .csiObjects(csi.volumeSnapshots(), csi.contents(), csi.classes())
        .volumeInfos(volumeInfos)
        .failureReason(failure)
        .build();
  }

  /** Gathered also after a fatal error, as Velero does; nothing when discovery never ran. */
  private CsiSnapshotSummary csiSnapshots(BackupScope scope) {
    if (scope == null) {
      return CsiSnapshotSummary.NONE;
    }
    return CsiSnapshotSummary.gather(
        cluster,
        scope.resolver(),
        actions.stream().map(NamedAction::name).toList(),
        request.backup(),
        log);
  }

  private BackupScope scope(TarballWriter tarball) {
    Cluster.Discovery discovery = cluster.discover();
    discovery.failedGroups().forEach(group -> log.warn("error discovering group " + group));
    ResourceResolver resolver = new ResourceResolver(discovery);
    BackupSpec spec = request.backup().getSpec();
    NamespaceFilter namespaces =
        NamespaceFilter.create(
            spec.getIncludedNamespaces(), spec.getExcludedNamespaces(), namespaceNames(resolver));
    log.info("Including namespaces: " + namespaces.includesString());
    log.info("Excluding namespaces: " + namespaces.excludesString());
    ResourceFilter resources =
        ResourceFilter.create(SpecFilters.resourceFilterSpec(spec), namespaces, resolver);
    resources.describe().forEach(log::info);
    List<ResolvedAction> resolved = new ArrayList<>();
    for (NamedAction action : actions) {
      resolved.add(
          new ResolvedAction(
              action.name(),
              action.action(),
              ActionSelector.resolve(action.action().appliesTo(), resolver)));
    }
    PodHooks hooks =
        new PodHooks(cluster::exec, ResourceHook.resolve(spec.getHooks(), resolver), log);
    GoDuration podVolumeTimeout =
        PodVolumeTimeout.resolve(request.backup(), options.fsBackupTimeout(), log);
    boolean csiEnabled = CsiPlugin.enabled(resolved.stream().map(ResolvedAction::name).toList());
    NativeSnapshots snapshots =
        new NativeSnapshots(
            request.backup(), request.snapshotLocations(), snapshotters, csiEnabled, log);
    return new BackupScope(
        request.backup(),
        cluster,
        resolver,
        namespaces,
        resources,
        resolved,
        tarball,
        log,
        hooks,
        snapshots,
        podVolumeTimeout);
  }

  private void collect(
      BackupScope scope, ItemBackupper items, PodBlocks blocks, ProgressReporter progress) {
    BackupSpec spec = request.backup().getSpec();
    NamespaceTracker tracker =
        new NamespaceTracker(
            scope.namespaces(),
            SpecFilters.labelSelector(spec),
            SpecFilters.orLabelSelectors(spec));
    List<String> selectors =
        LabelSelectors.listSelectors(
            SpecFilters.labelSelector(spec), SpecFilters.orLabelSelectors(spec));
    OrderedResources ordered = OrderedResources.of(spec.getOrderedResources());
    List<Selector> orderedSelectors = listSelectors(spec);
    ApiResource namespaceType = null;
    for (CollectionPlan.Step step : CollectionPlan.plan(scope.resolver(), scope.resources())) {
      ApiResource type = step.type();
      if (type.groupResource().equals(ResourceFilter.NAMESPACES)) {
        namespaceType = type;
        continue;
      }
      if (!step.listed()) {
        log.info(step.skipReason() + ": " + type.groupResource());
        continue;
      }
      log.info("Listing items of " + type.groupResource());
      backUpOrdered(scope, blocks, type, ordered, tracker, orderedSelectors);
      List<String> namespacesToList =
          type.namespaced() ? scope.namespaces().namespacesToList() : List.of("");
      for (String namespace : namespacesToList) {
        for (String selector : selectors) {
          listAndBackUp(scope, items, blocks, progress, tracker, type, namespace, selector);
        }
      }
    }
    if (namespaceType != null && scope.resources().listType(namespaceType)) {
      // Velero checks the included namespaces while collecting the `namespaces` type, so a backup
      // that does not collect Namespace objects never reports a missing one.
      for (String missing : scope.namespaces().missingIncludedNamespaces()) {
        log.error(
            "fail to get the namespace " + missing + " specified in backup.Spec.IncludedNamespaces",
            null);
      }
      backUpNamespaces(scope, items, tracker, namespaceType);
    }
    backUpCustomResourceDefinitions(scope, items);
  }

  private void listAndBackUp(
      BackupScope scope,
      ItemBackupper items,
      PodBlocks blocks,
      ProgressReporter progress,
      NamespaceTracker tracker,
      ApiResource type,
      String namespace,
      String selector) {
    String token = "";
    do {
      ListPage page = cluster.list(type, namespace, selector, options.pageSize(), token);
      for (ObjectNode object : page.items()) {
        String itemNamespace = object.path("metadata").path("namespace").asString("");
        if (type.namespaced()) {
          // Velero tracks the namespace of every listed item, excluded namespaces included: a
          // cluster-wide list then keeps the Namespace object of an excluded namespace that holds
          // items (Velero issue #9180, facts §5.10).
          tracker.trackCollectedItem(itemNamespace);
          if (!scope.namespaces().shouldInclude(itemNamespace)) {
            continue;
          }
        }
        collected.incrementAndGet();
        blocks.backUpListed(type, object);
        progress.maybeReport(collected.get() + items.discovered(), backedUp.size());
      }
      token = page.continueToken();
    } while (!token.isEmpty());
  }

  /**
   * Items named in {@code orderedResources} for this type go first, in the given order. Velero
   * reorders the items it listed, so a name counts as found only when the listing would have
   * returned it: in a namespace that is listed and matching a list selector. Any other name gets
   * the warning {@code Cannot find resource '<x>'.} and is not backed up here.
   */
  private void backUpOrdered(
      BackupScope scope,
      PodBlocks blocks,
      ApiResource type,
      OrderedResources ordered,
      NamespaceTracker tracker,
      List<Selector> listSelectors) {
    for (String key : ordered.orderFor(type.resource())) {
      String namespace = "";
      String name = key;
      int slash = key.indexOf('/');
      if (type.namespaced()) {
        if (slash < 0) {
          log.warn(OrderedResources.missingWarning(key));
          continue;
        }
        namespace = key.substring(0, slash);
        name = key.substring(slash + 1);
        if (!scope.namespaces().includesAll()
            && !scope.namespaces().namespacesToList().contains(namespace)) {
          log.warn(OrderedResources.missingWarning(key)); // its namespace is not listed
          continue;
        }
      }
      Optional<ObjectNode> object = cluster.get(type, namespace, name);
      if (object.isEmpty() || !matchesAny(listSelectors, object.get())) {
        log.warn(OrderedResources.missingWarning(key));
        continue;
      }
      if (type.namespaced()) {
        tracker.trackCollectedItem(namespace);
        if (!scope.namespaces().shouldInclude(namespace)) {
          continue; // listed cluster-wide, then dropped with its excluded namespace
        }
      }
      collected.incrementAndGet();
      blocks.backUpListed(type, object.get());
    }
  }

  /** The spec's selectors as the list calls use them: the or-list, else the single one. */
  private static List<Selector> listSelectors(BackupSpec spec) {
    List<Selector> selectors = new ArrayList<>();
    List<io.stowage.core.filter.LabelSelector> ors = SpecFilters.orLabelSelectors(spec);
    if (!ors.isEmpty()) {
      ors.forEach(s -> selectors.add(LabelSelectors.toSelector(s)));
    } else if (SpecFilters.labelSelector(spec) != null) {
      selectors.add(LabelSelectors.toSelector(SpecFilters.labelSelector(spec)));
    }
    return selectors;
  }

  private static boolean matchesAny(List<Selector> selectors, ObjectNode object) {
    if (selectors.isEmpty()) {
      return true;
    }
    Map<String, String> itemLabels = labels(object.path("metadata").path("labels"));
    return selectors.stream().anyMatch(s -> s.matches(itemLabels));
  }

  private void backUpNamespaces(
      BackupScope scope, ItemBackupper items, NamespaceTracker tracker, ApiResource type) {
    for (ObjectNode namespace : listAll(type)) {
      JsonNode metadata = namespace.path("metadata");
      String name = metadata.path("name").asString("");
      String phase = namespace.path("status").path("phase").asString("Active");
      tracker.considerNamespace(name, phase, labels(metadata.path("labels")));
      if (tracker.isTracked(name)) {
        collected.incrementAndGet();
        items.backup(type, namespace, true, false);
      }
    }
  }

  private void backUpCustomResourceDefinitions(BackupScope scope, ItemBackupper items) {
    if (!scope.resources().backUpCrdsOfCustomResources()) {
      return;
    }
    Optional<ApiResource> crdType =
        scope.resolver().byGroupResource(ResourceFilter.CUSTOM_RESOURCE_DEFINITIONS);
    if (crdType.isEmpty()) {
      return;
    }
    for (GroupResource groupResource : backedUp.groupResources()) {
      if (groupResource.group().isEmpty()
          || groupResource.equals(ResourceFilter.CUSTOM_RESOURCE_DEFINITIONS)) {
        continue;
      }
      Optional<ObjectNode> crd = cluster.get(crdType.get(), "", groupResource.toString());
      if (crd.isPresent()) {
        ResourceIdentifier id =
            ResourceIdentifier.clusterScoped(
                ResourceFilter.CUSTOM_RESOURCE_DEFINITIONS, groupResource.toString());
        log.info(id, "Backing up CRD of custom resources " + groupResource);
        // Through the normal item path with its inclusion checks, as Velero's backupCRD does.
        items.backup(crdType.get(), crd.get(), false, false);
      }
    }
  }

  private List<String> namespaceNames(ResourceResolver resolver) {
    List<String> names = new ArrayList<>();
    resolver
        .byGroupResource(ResourceFilter.NAMESPACES)
        .ifPresent(
            type -> {
              for (ObjectNode namespace : listAll(type)) {
                names.add(namespace.path("metadata").path("name").asString(""));
              }
            });
    return names;
  }

  /** Velero lists namespaces without paging; a page size of 0 asks for everything at once. */
  private List<ObjectNode> listAll(ApiResource type) {
    List<ObjectNode> all = new ArrayList<>();
    String token = "";
    do {
      ListPage page = cluster.list(type, "", "", 0, token);
      all.addAll(page.items());
      token = page.continueToken();
    } while (!token.isEmpty());
    return all;
  }

  private static Map<String, String> labels(JsonNode labels) {
    Map<String, String> map = new HashMap<>();
    labels.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
    return map;
  }
}
