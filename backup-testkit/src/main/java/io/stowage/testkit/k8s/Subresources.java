package io.stowage.testkit.k8s;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import java.util.List;

/**
 * Discovery entries for subresources ({@code pods/exec}, {@code deployments/scale}, {@code
 * <plural>/status}, ...), with the kinds and verbs a real API server announces for them.
 */
final class Subresources {

  private static final List<String> READ_WRITE = List.of("get", "patch", "update");
  private static final List<String> CONNECT = List.of("create", "get");
  private static final List<String> CREATE = List.of("create");

  private Subresources() {}

  /** The discovery entry for subresource {@code sub} of {@code parent}. */
  static APIResource describe(ResourceType parent, String sub) {
    APIResourceBuilder b =
        new APIResourceBuilder()
            .withName(parent.plural() + "/" + sub)
            .withSingularName("")
            .withNamespaced(parent.namespaced());
    switch (sub) {
      case "scale":
        return b.withGroup("autoscaling")
            .withVersion("v1")
            .withKind("Scale")
            .withVerbs(READ_WRITE)
            .build();
      case "exec":
        return b.withKind("PodExecOptions").withVerbs(CONNECT).build();
      case "attach":
        return b.withKind("PodAttachOptions").withVerbs(CONNECT).build();
      case "portforward":
        return b.withKind("PodPortForwardOptions").withVerbs(CONNECT).build();
      case "log":
        return b.withKind(parent.kind()).withVerbs(List.of("get")).build();
      case "proxy":
        return b.withKind(parent.kind() + "ProxyOptions")
            .withVerbs(List.of("create", "delete", "get", "patch", "update"))
            .build();
      case "eviction":
        return b.withGroup("policy")
            .withVersion("v1")
            .withKind("Eviction")
            .withVerbs(CREATE)
            .build();
      case "binding":
        return b.withKind("Binding").withVerbs(CREATE).build();
      case "token":
        return b.withGroup("authentication.k8s.io")
            .withVersion("v1")
            .withKind("TokenRequest")
            .withVerbs(CREATE)
            .build();
      case "finalize":
        return b.withKind(parent.kind()).withVerbs(List.of("update")).build();
      default: // status, ephemeralcontainers
        return b.withKind(parent.kind()).withVerbs(READ_WRITE).build();
    }
  }
}
