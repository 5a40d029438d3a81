package io.stowage.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates fabric8 clients the way kubectl finds its cluster. */
public final class KubernetesClients {
  private KubernetesClients() {}

  /**
   * A client for the kubeconfig at {@code kubeconfig}, or, when it is null, for {@code KUBECONFIG},
   * {@code ~/.kube/config} or the in-cluster service account, in that order.
   */
  public static KubernetesClient create(Path kubeconfig) {
    Config config;
    if (kubeconfig == null) {
      config = Config.autoConfigure(null);
    } else {
      try {
        config = Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT,
            "cannot read kubeconfig " + kubeconfig + ": " + e.getMessage(),
            e);
      }
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
