package io.stowage.core.actions;

import com.google.auto.service.AutoService;
import io.stowage.api.BackupException;
import io.stowage.api.BackupItem;
import io.stowage.api.GroupResource;
import io.stowage.api.ResourceIdentifier;
import io.stowage.api.ResourceSelector;
import io.stowage.api.StandardErrorCode;
import io.stowage.api.spi.ActionContext;
import io.stowage.api.spi.ActionResult;
import io.stowage.api.spi.BackupItemAction;
import io.stowage.api.spi.BackupItemActionProvider;
import io.stowage.api.spi.ClusterAccess;
import io.stowage.api.spi.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Velero's {@code velero.io/service-account} action: every ClusterRoleBinding with a subject of
 * kind {@code ServiceAccount} naming this ServiceAccount (name and namespace), and the ClusterRole
 * each such binding refers to, as additional items (bindings first, then roles, each sorted by
 * name). The ServiceAccount is stored unchanged.
 *
 * <p>ClusterRoleBindings are listed once, on first use, and kept for the life of the instance (one
 * backup: the engine creates its actions per backup service). Thread-safe.
 */
public final class ServiceAccountAction implements BackupItemAction {
  public static final String NAME = "velero.io/service-account";
  static final GroupResource CLUSTER_ROLE_BINDINGS =
      new GroupResource("rbac.authorization.k8s.io", "clusterrolebindings");
  static final GroupResource CLUSTER_ROLES =
      new GroupResource("rbac.authorization.k8s.io", "clusterroles");

  private final Optional<ClusterAccess> cluster;
  private volatile List<Binding> bindings;

  public ServiceAccountAction(Optional<ClusterAccess> cluster) {
    this.cluster = cluster;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.resources("serviceaccounts");
  }

  @Override
  public ActionResult execute(BackupItem item, ActionContext context) {
    String namespace = item.body().path("metadata").path("namespace").asString("");
    String name = item.body().path("metadata").path("name").asString("");
    SortedSet<String> bindingNames = new TreeSet<>();
    SortedSet<String> roleNames = new TreeSet<>();
    for (Binding binding : bindings()) {
      if (binding.subjects().contains(new Subject(namespace, name))) {
        context
            .log()
            .info(
                item.identity().toResourceIdentifier(),
                "Adding clusterrole "
                    + binding.roleRef()
                    + " and clusterrolebinding "
                    + binding.name()
                    + " to additionalItems since serviceaccount "
                    + namespace
                    + "/"
                    + name
                    + " is a subject");
        bindingNames.add(binding.name());
        if (!binding.roleRef().isEmpty()) {
          roleNames.add(binding.roleRef());
        }
      }
    }
    List<ResourceIdentifier> additional = new ArrayList<>();
    bindingNames.forEach(
        b -> additional.add(ResourceIdentifier.clusterScoped(CLUSTER_ROLE_BINDINGS, b)));
    roleNames.forEach(r -> additional.add(ResourceIdentifier.clusterScoped(CLUSTER_ROLES, r)));
    return new ActionResult(item, additional);
  }

  private List<Binding> bindings() {
    List<Binding> cached = bindings;
    if (cached == null) {
      synchronized (this) {
        cached = bindings;
        if (cached == null) {
          cached = listBindings();
          bindings = cached;
        }
      }
    }
    return cached;
  }

  private List<Binding> listBindings() {
    ClusterAccess access =
        cluster.orElseThrow(
            () ->
                new BackupException(
                    StandardErrorCode.CLUSTER_FAILED,
                    NAME
                        + " needs cluster access to list ClusterRoleBindings; create it with a"
                        + " PluginContext that has a cluster"));
    List<Binding> result = new ArrayList<>();
    for (ObjectNode crb : access.list(CLUSTER_ROLE_BINDINGS, "", "")) {
      List<Subject> subjects = new ArrayList<>();
      for (JsonNode subject : crb.path("subjects")) {
        if ("ServiceAccount".equals(subject.path("kind").asString(""))) {
          subjects.add(
              new Subject(
                  subject.path("namespace").asString(""), subject.path("name").asString("")));
        }
      }
      result.add(
          new Binding(
              crb.path("metadata").path("name").asString(""),
              crb.path("roleRef").path("name").asString(""),
              List.copyOf(subjects)));
    }
    return List.copyOf(result);
  }

  private record Subject(String namespace, String name) {}

  private record Binding(String name, String roleRef, List<Subject> subjects) {}

  /** Registers {@value #NAME}. */
  @AutoService(BackupItemActionProvider.class)
  public static final class Provider implements BackupItemActionProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public BackupItemAction create(PluginContext context) {
      return new ServiceAccountAction(context.cluster());
    }
  }
}
