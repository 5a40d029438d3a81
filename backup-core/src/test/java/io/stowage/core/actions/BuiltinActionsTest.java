package io.stowage.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.BackupItem;
import io.stowage.api.GroupResource;
import io.stowage.api.ItemIdentity;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class BuiltinActionsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestContext context = new TestContext();

  private static ObjectNode json(String text) {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  private static BackupItem item(String resource, String namespace, String name, String body) {
    return new BackupItem(new ItemIdentity("", "v1", resource, namespace, name), json(body));
  }

  @Test
  void theThreeActionsAreRegisteredUnderVeleroNames() {
    List<String> names =
        PluginRegistry.load().actions().stream().map(BackupItemActionProvider::name).toList();
    assertThat(names).contains("velero.io/pod", "velero.io/pv", "velero.io/service-account");
  }

  @Test
  void podReturnsItsPriorityClassThenItsClaimsInVolumeOrder() {
    BackupItem pod =
        item(
            "pods",
            "a",
            "p",
            "{'metadata':{'name':'p','namespace':'a'},'spec':{'priorityClassName':'high',"
                + "'volumes':[{'name':'x','persistentVolumeClaim':{'claimName':'c2'}},"
                + "{'name':'cfg','configMap':{'name':'cm'}},"
                + "{'name':'y','persistentVolumeClaim':{'claimName':'c1'}}]}}");
    String before = pod.body().toString();

    ActionResult result = new PodAction().execute(pod, context);

    assertThat(result.additionalItems())
        .containsExactly(
            ResourceIdentifier.clusterScoped(
                new GroupResource("scheduling.k8s.io", "priorityclasses"), "high"),
            new ResourceIdentifier(GroupResource.core("persistentvolumeclaims"), "a", "c2"),
            new ResourceIdentifier(GroupResource.core("persistentvolumeclaims"), "a", "c1"));
    assertThat(result.item().body().toString()).isEqualTo(before);
    assertThat(new PodAction().appliesTo().includedResources()).containsExactly("pods");
  }

  @Test
  void podWithoutVolumesOrPriorityClassAddsNothing() {
    BackupItem pod = item("pods", "a", "p", "{'metadata':{'name':'p','namespace':'a'},'spec':{}}");
    assertThat(new PodAction().execute(pod, context).additionalItems()).isEmpty();
  }

  @Test
  void boundClaimReturnsItsVolumeAndIsCleaned() {
    BackupItem pvc =
        item(
            "persistentvolumeclaims",
            "a",
            "c",
            "{'metadata':{'name':'c','namespace':'a','labels':{'velero.io/backup-name':'old'}},"
                + "'spec':{'volumeName':'pv-1','storageClassName':'fast',"
                + "'dataSource':{'kind':'VolumeSnapshot','name':'s'},"
                + "'dataSourceRef':{'kind':'VolumeSnapshot','name':'s'},"
                + "'selector':{'matchLabels':{'velero.io/x':'1'}}},"
                + "'status':{'phase':'Bound'}}");

    ActionResult result = new PvcAction().execute(pvc, context);

    assertThat(result.additionalItems())
        .containsExactly(
            ResourceIdentifier.clusterScoped(GroupResource.core("persistentvolumes"), "pv-1"));
    ObjectNode spec = (ObjectNode) result.item().body().get("spec");
    assertThat(spec.has("dataSource")).isFalse();
    assertThat(spec.has("dataSourceRef")).isFalse();
    assertThat(spec.has("selector")).isFalse();
    assertThat(spec.get("volumeName").asString()).isEqualTo("pv-1");
    // Velero touches only the spec: metadata labels stay as they are.
    assertThat(result.item().labels()).containsEntry("velero.io/backup-name", "old");
  }

  @Test
  void claimReservingAVolumeKeepsItsSelectorWithoutVeleroKeys() {
    BackupItem pvc =
        item(
            "persistentvolumeclaims",
            "a",
            "c",
            "{'metadata':{'name':'c','namespace':'a'},"
                + "'spec':{'volumeName':'pv-1','storageClassName':'',"
                + "'selector':{'matchLabels':{'velero.io/restore-name':'r','app':'db'}}},"
                + "'status':{'phase':'Bound'}}");

    ActionResult result = new PvcAction().execute(pvc, context);

    assertThat(result.item().body().path("spec").path("selector").toString())
        .isEqualTo("{\"matchLabels\":{\"app\":\"db\"}}");
  }

  @Test
  void unboundClaimIsStoredUnchangedWithoutAdditionalItems() {
    String body =
        "{'metadata':{'name':'c','namespace':'a'},"
            + "'spec':{'volumeName':'pv-1','dataSource':{'kind':'X','name':'s'}},"
            + "'status':{'phase':'Pending'}}";
    BackupItem pvc = item("persistentvolumeclaims", "a", "c", body);

    ActionResult result = new PvcAction().execute(pvc, context);

    assertThat(result.additionalItems()).isEmpty();
    assertThat(result.item().body()).isEqualTo(json(body));
  }

  @Test
  void serviceAccountPullsTheBindingsNamingItAndTheirRolesListingBindingsOnce() {
    AtomicInteger lists = new AtomicInteger();
    List<ObjectNode> bindings =
        List.of(
            json(
                "{'metadata':{'name':'b2'},'roleRef':{'kind':'ClusterRole','name':'r2'},"
                    + "'subjects':[{'kind':'ServiceAccount','name':'sa','namespace':'a'}]}"),
            json(
                "{'metadata':{'name':'b1'},'roleRef':{'kind':'ClusterRole','name':'r1'},"
                    + "'subjects':[{'kind':'User','name':'u'},"
                    + "{'kind':'ServiceAccount','name':'sa','namespace':'a'}]}"),
            json(
                "{'metadata':{'name':'other-ns'},'roleRef':{'kind':'ClusterRole','name':'r3'},"
                    + "'subjects':[{'kind':'ServiceAccount','name':'sa','namespace':'b'}]}"),
            json(
                "{'metadata':{'name':'user'},'roleRef':{'kind':'ClusterRole','name':'r4'},"
                    + "'subjects':[{'kind':'User','name':'sa','namespace':'a'}]}"));
    ServiceAccountAction action = new ServiceAccountAction(Optional.of(listing(bindings, lists)));
    BackupItem sa =
        item("serviceaccounts", "a", "sa", "{'metadata':{'name':'sa','namespace':'a'}}");

    ActionResult result = action.execute(sa, context);
    action.execute(
        item("serviceaccounts", "a", "none", "{'metadata':{'name':'none','namespace':'a'}}"),
        context);

    GroupResource crb = new GroupResource("rbac.authorization.k8s.io", "clusterrolebindings");
    GroupResource cr = new GroupResource("rbac.authorization.k8s.io", "clusterroles");
    assertThat(result.additionalItems())
        .containsExactly(
            ResourceIdentifier.clusterScoped(crb, "b1"),
            ResourceIdentifier.clusterScoped(crb, "b2"),
            ResourceIdentifier.clusterScoped(cr, "r1"),
            ResourceIdentifier.clusterScoped(cr, "r2"));
    assertThat(lists).hasValue(1);
  }

  private static ClusterAccess listing(List<ObjectNode> bindings, AtomicInteger lists) {
    return new ClusterAccess() {
      @Override
      public Optional<ObjectNode> get(ResourceIdentifier id) {
        return Optional.empty();
      }

      @Override
      public List<ObjectNode> list(GroupResource resource, String namespace, String selector) {
        assertThat(resource.resource()).isEqualTo("clusterrolebindings");
        lists.incrementAndGet();
        return bindings;
      }

      @Override
      public ObjectNode create(GroupResource resource, ObjectNode object) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ObjectNode mergePatch(ResourceIdentifier id, ObjectNode patch) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void delete(ResourceIdentifier id) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
