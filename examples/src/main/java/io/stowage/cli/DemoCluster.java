package io.stowage.cli;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.storage.CSIDriverBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.stowage.testkit.csi.SnapshotCrds;
import io.stowage.testkit.k8s.EmbeddedKubernetes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.StringNode;

/**
 * The cluster of {@code stowage demo}: a small, believable cluster seeded into an {@link
 * EmbeddedKubernetes} running in this JVM.
 *
 * <ul>
 *   <li>one Node, a CSI driver ({@value #CSI_DRIVER}), its default StorageClass ({@value
 *       #STORAGE_CLASS}), the {@code snapshot.storage.k8s.io} CRDs and the driver's default
 *       VolumeSnapshotClass ({@value #SNAPSHOT_CLASS}), so the CSI plugin snapshots every PVC;
 *   <li>{@code kube-system}: CoreDNS (Deployment, ReplicaSet, Pod, Service, ConfigMap);
 *   <li>{@code shop}: {@code web} (nginx, 2 replicas, ConfigMap) and {@code cart} (redis with a
 *       Secret and a PVC);
 *   <li>{@code billing}: {@code invoices} (2 replicas, ConfigMap, Secret) and {@code ledger-db}
 *       (postgres with a Secret and a PVC);
 *   <li>each PVC bound to a CSI PersistentVolume ({@code claimRef} and {@code volumeName} both
 *       ways);
 *   <li>the CRD {@value #CRD_NAME} with Widgets in {@code shop} and {@code billing};
 *   <li>ServiceAccounts, and a ClusterRole {@code widget-reader} bound to two of them by the
 *       ClusterRoleBinding {@code widget-readers};
 *   <li>the {@code velero} namespace, where the demo's Backup lives.
 * </ul>
 *
 * Every object has a fixed uid derived from its kind, namespace and name, so owner references and
 * claim references hold together; creation times lie a few days before {@code now}.
 */
final class DemoCluster {
  /** The CSI driver of every PersistentVolume (the Kubernetes CSI hostpath driver). */
  static final String CSI_DRIVER = "hostpath.csi.k8s.io";

  /** The default VolumeSnapshotClass of {@link #CSI_DRIVER}. */
  static final String SNAPSHOT_CLASS = "csi-hostpath-snapclass";

  /** The default StorageClass, provisioned by {@link #CSI_DRIVER}. */
  static final String STORAGE_CLASS = "csi-hostpath-sc";

  /** The namespaces of the demo's applications. */
  static final List<String> APP_NAMESPACES = List.of("shop", "billing");

  /** Where Velero (and the demo's Backup) lives. */
  static final String VELERO_NAMESPACE = BackupCreateCommand.DEFAULT_NAMESPACE;

  static final String CRD_GROUP = "demo.stowage.io";
  static final String CRD_NAME = "widgets." + CRD_GROUP;

  /** The order of kinds in {@link #census}: workloads first, plumbing last. */
  private static final List<String> CENSUS_ORDER =
      List.of(
          "Namespace",
          "Deployment",
          "ReplicaSet",
          "Pod",
          "Service",
          "ConfigMap",
          "Secret",
          "PersistentVolumeClaim",
          "PersistentVolume",
          "StorageClass",
          "CustomResourceDefinition",
          "Widget",
          "ServiceAccount",
          "ClusterRole",
          "ClusterRoleBinding");

  private static final String NODE = "demo-control-plane";
  private static final String NODE_IP = "172.18.0.2";

  private final Instant clusterCreated;
  private final Instant appsCreated;
  private final List<HasMetadata> objects = new ArrayList<>();
  private int podIp = 10;
  private int serviceIp = 10;

  private DemoCluster(Instant now) {
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    clusterCreated = second.minus(Duration.ofDays(12)).minus(Duration.ofMinutes(47));
    appsCreated = second.minus(Duration.ofDays(3)).minus(Duration.ofHours(5));
  }

  /**
   * Starts an embedded API server on an ephemeral port of 127.0.0.1 and seeds it.
   *
   * @param objects what to seed, such as {@link #objects(Instant)}
   */
  static EmbeddedKubernetes start(List<HasMetadata> objects) {
    EmbeddedKubernetes k8s = new EmbeddedKubernetes().start();
    try {
      k8s.seed(objects);
      return k8s;
    } catch (RuntimeException e) {
      k8s.close();
      throw e;
    }
  }

  /** What {@code objects} holds, as {@code 7 Pods, 5 Services, 1 StorageClass, ...}. */
  static String census(List<HasMetadata> objects) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    CENSUS_ORDER.forEach(kind -> counts.put(kind, 0));
    for (HasMetadata object : objects) {
      counts.merge(object.getKind(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (kind, n) -> {
          if (n > 0) {
            parts.add(n + " " + (n == 1 ? kind : plural(kind)));
          }
        });
    return String.join(", ", parts);
  }

  private static String plural(String kind) {
    if (kind.endsWith("s")) {
      return kind + "es";
    }
    return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  /**
   * The objects of the demo cluster, CRD before its custom resources; the namespaces {@code
   * default} and {@code kube-system} are not among them (the embedded server has them from the
   * start).
   *
   * @param now the time the cluster is looked at: creation times lie before it
   */
  static List<HasMetadata> objects(Instant now) {
    DemoCluster cluster = new DemoCluster(now);
    cluster.build();
    return List.copyOf(cluster.objects);
  }

  private void build() {
    clusterScoped();
    for (String namespace : List.of("shop", "billing", VELERO_NAMESPACE)) {
      objects.add(
          new NamespaceBuilder()
              .withMetadata(
                  meta("Namespace", null, namespace, clusterCreated.plus(Duration.ofHours(1)))
                      .addToLabels("kubernetes.io/metadata.name", namespace)
                      .build())
              .withNewSpec()
              .withFinalizers("kubernetes")
              .endSpec()
              .withNewStatus()
              .withPhase("Active")
              .endStatus()
              .build());
    }
    for (String namespace :
        List.of("default", "kube-system", "shop", "billing", VELERO_NAMESPACE)) {
      serviceAccount(namespace, "default", clusterCreated);
    }
    kubeSystem();
    shop();
    billing();
    widgets();
    rbac();
  }

  private void clusterScoped() {
    objects.add(
        new NodeBuilder()
            .withMetadata(
                meta("Node", null, NODE, clusterCreated)
                    .addToLabels("kubernetes.io/hostname", NODE)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                    .addToLabels("node-role.kubernetes.io/control-plane", "")
                    .addToAnnotations(
                        "csi.volume.kubernetes.io/nodeid",
                        "{\"" + CSI_DRIVER + "\":\"" + NODE + "\"}")
                    .build())
            .withNewSpec()
            .withPodCIDR("10.244.0.0/24")
            .withPodCIDRs("10.244.0.0/24")
            .withProviderID("kind://docker/demo/" + NODE)
            .endSpec()
            .withNewStatus()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress(NODE_IP)
            .endAddress()
            .addNewAddress()
            .withType("Hostname")
            .withAddress(NODE)
            .endAddress()
            .addToCapacity("cpu", new Quantity("2"))
            .addToCapacity("memory", new Quantity("8145284Ki"))
            .addToCapacity("pods", new Quantity("110"))
            .addToAllocatable("cpu", new Quantity("2"))
            .addToAllocatable("memory", new Quantity("8145284Ki"))
            .addToAllocatable("pods", new Quantity("110"))
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withReason("KubeletReady")
            .withMessage("kubelet is posting ready status")
            .withLastTransitionTime(time(clusterCreated.plus(Duration.ofSeconds(40))))
            .withLastHeartbeatTime(time(appsCreated))
            .endCondition()
            .withNewNodeInfo()
            .withArchitecture("amd64")
            .withOperatingSystem("linux")
            .withOsImage("Debian GNU/Linux 12 (bookworm)")
            .withKernelVersion("6.1.0-28-amd64")
            .withContainerRuntimeVersion("containerd://1.7.24")
            .withKubeletVersion("v1.32.0")
            .withKubeProxyVersion("v1.32.0")
            .withMachineID("9f1c2ab0d6c94d0b8d5e3c1a7b2f4e60")
            .withSystemUUID("4c4c4544-0042-3610-8052-b7c04f4e5a32")
            .withBootID("0b6a8d2e-1f3c-4e5a-9b7d-2c4e6f8a0b1d")
            .endNodeInfo()
            .endStatus()
            .build());
    objects.add(
        new CSIDriverBuilder()
            .withMetadata(meta("CSIDriver", null, CSI_DRIVER, clusterCreated).build())
            .withNewSpec()
            .withAttachRequired(false)
            .withPodInfoOnMount(true)
            .withFsGroupPolicy("File")
            .withVolumeLifecycleModes("Persistent", "Ephemeral")
            .endSpec()
            .build());
    objects.add(
        new StorageClassBuilder()
            .withMetadata(
                meta("StorageClass", null, STORAGE_CLASS, clusterCreated)
                    .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                    .build())
            .withProvisioner(CSI_DRIVER)
            .withReclaimPolicy("Delete")
            .withVolumeBindingMode("Immediate")
            .withAllowVolumeExpansion(true)
            .build());
    objects.addAll(SnapshotCrds.all());
    objects.add(snapshotClass());
    objects.add(widgetDefinition());
  }

  /**
   * What the external-snapshotter's install adds for a driver: its default VolumeSnapshotClass
   * (Velero's fourth choice, the class annotated as the default for the PVC's driver).
   */
  private GenericKubernetesResource snapshotClass() {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(SnapshotCrds.API_VERSION)
        .withKind("VolumeSnapshotClass")
        .withMetadata(
            meta("VolumeSnapshotClass", null, SNAPSHOT_CLASS, clusterCreated)
                .addToAnnotations("snapshot.storage.kubernetes.io/is-default-class", "true")
                .build())
        .addToAdditionalProperties("driver", CSI_DRIVER)
        .addToAdditionalProperties("deletionPolicy", "Delete")
        .build();
  }

  private void kubeSystem() {
    String ns = "kube-system";
    serviceAccount(ns, "coredns", clusterCreated);
    objects.add(
        new ConfigMapBuilder()
            .withMetadata(meta("ConfigMap", ns, "coredns", clusterCreated).build())
            .addToData(
                "Corefile",
                """
                .:53 {
                    errors
                    health {
                       lameduck 5s
                    }
                    ready
                    kubernetes cluster.local in-addr.arpa ip6.arpa {
                       pods insecure
                       fallthrough in-addr.arpa ip6.arpa
                       ttl 30
                    }
                    forward . /etc/resolv.conf
                    cache 30
                    loop
                    reload
                    loadbalance
                }
                """)
            .build());
    App coredns =
        new App(ns, "coredns", "registry.k8s.io/coredns/coredns:v1.11.3", 53, "dns-tcp", "coredns");
    coredns.labelKey = "k8s-app";
    coredns.serviceName = "kube-dns";
    coredns.clusterIp = "10.96.0.10";
    coredns.podSuffixes = List.of("7db6d8ff4d-8hx2k");
    coredns.created = clusterCreated;
    coredns.configMap = "coredns";
    coredns.mountPath = "/etc/coredns";
    app(coredns);
  }

  private void shop() {
    String ns = "shop";
    serviceAccount(ns, "web", appsCreated);
    objects.add(
        new ConfigMapBuilder()
            .withMetadata(meta("ConfigMap", ns, "web-config", appsCreated).build())
            .addToData(
                "default.conf",
                """
                server {
                    listen 80;
                    location / {
                        root /usr/share/nginx/html;
                    }
                    location /api/cart/ {
                        proxy_pass http://cart:6379/;
                    }
                }
                """)
            .addToData("FEATURE_FLAGS", "checkout-v2,gift-cards")
            .build());
    App web = new App(ns, "web", "nginx:1.27.3-alpine", 80, "http", "web");
    web.podSuffixes = List.of("6f9c7b8d5c-4zqkp", "6f9c7b8d5c-wm7xd");
    web.configMap = "web-config";
    web.mountPath = "/etc/nginx/conf.d";
    app(web);

    secret(ns, "cart-redis", Map.of("password", "s3cr3t-r3dis-pa55"));
    pvc(ns, "cart-data", "1Gi");
    App cart = new App(ns, "cart", "redis:7.4.1-alpine", 6379, "redis", "default");
    cart.podSuffixes = List.of("5d8f6b4c9b-q2n8t");
    cart.claim = "cart-data";
    cart.mountPath = "/data";
    cart.secretEnv = Map.of("REDIS_PASSWORD", "cart-redis/password");
    app(cart);
  }

  private void billing() {
    String ns = "billing";
    serviceAccount(ns, "invoices", appsCreated);
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("POSTGRES_USER", "ledger");
    credentials.put("POSTGRES_PASSWORD", "correct-horse-battery-staple");
    credentials.put("DATABASE_URL", "postgres://ledger@ledger-db.billing.svc:5432/ledger");
    secret(ns, "ledger-db-credentials", credentials);
    objects.add(
        new ConfigMapBuilder()
            .withMetadata(meta("ConfigMap", ns, "invoices-config", appsCreated).build())
            .addToData(
                "application.properties",
                """
                invoices.currency=EUR
                invoices.due-days=30
                invoices.ledger.url=jdbc:postgresql://ledger-db.billing.svc:5432/ledger
                """)
            .build());
    App invoices =
        new App(
            ns,
            "invoices",
            "registry.example.com/billing/invoices:1.4.2",
            8080,
            "http",
            "invoices");
    invoices.podSuffixes = List.of("84c5f9d7b6-hv5rn", "84c5f9d7b6-tj9ws");
    invoices.configMap = "invoices-config";
    invoices.mountPath = "/config";
    invoices.secretEnv = Map.of("DATABASE_URL", "ledger-db-credentials/DATABASE_URL");
    app(invoices);

    pvc(ns, "ledger-data", "5Gi");
    App ledger = new App(ns, "ledger-db", "postgres:16.6", 5432, "postgres", "default");
    ledger.podSuffixes = List.of("6b7d9c5f48-xk4dp");
    ledger.claim = "ledger-data";
    ledger.mountPath = "/var/lib/postgresql/data";
    ledger.secretEnv = Map.of("POSTGRES_PASSWORD", "ledger-db-credentials/POSTGRES_PASSWORD");
    app(ledger);
  }

  private HasMetadata widgetDefinition() {
    JSONSchemaProps string = new JSONSchemaPropsBuilder().withType("string").build();
    JSONSchemaProps spec =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties(
                "color",
                new JSONSchemaPropsBuilder()
                    .withType("string")
                    .withDescription("What the widget looks like.")
                    .build())
            .addToProperties(
                "size",
                new JSONSchemaPropsBuilder()
                    .withType("string")
                    .withEnum(
                        StringNode.valueOf("small"),
                        StringNode.valueOf("medium"),
                        StringNode.valueOf("large"))
                    .build())
            .addToProperties("owner", string)
            .addToProperties(
                "replicas",
                new JSONSchemaPropsBuilder().withType("integer").withMinimum(0.0).build())
            .build();
    JSONSchemaProps status =
        new JSONSchemaPropsBuilder().withType("object").addToProperties("phase", string).build();
    return new CustomResourceDefinitionBuilder()
        .withMetadata(meta("CustomResourceDefinition", null, CRD_NAME, clusterCreated).build())
        .withNewSpec()
        .withGroup(CRD_GROUP)
        .withScope("Namespaced")
        .withNewNames()
        .withPlural("widgets")
        .withSingular("widget")
        .withKind("Widget")
        .withListKind("WidgetList")
        .withShortNames("wg")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withOpenAPIV3Schema(
            new JSONSchemaPropsBuilder()
                .withType("object")
                .addToProperties("spec", spec)
                .addToProperties("status", status)
                .build())
        .endSchema()
        .withNewSubresources()
        .withNewStatus()
        .endStatus()
        .endSubresources()
        .addNewAdditionalPrinterColumn()
        .withName("Color")
        .withType("string")
        .withJsonPath(".spec.color")
        .endAdditionalPrinterColumn()
        .addNewAdditionalPrinterColumn()
        .withName("Phase")
        .withType("string")
        .withJsonPath(".status.phase")
        .endAdditionalPrinterColumn()
        .endVersion()
        .endSpec()
        .withNewStatus()
        .withNewAcceptedNames()
        .withPlural("widgets")
        .withSingular("widget")
        .withKind("Widget")
        .withListKind("WidgetList")
        .withShortNames("wg")
        .endAcceptedNames()
        .addNewCondition()
        .withType("NamesAccepted")
        .withStatus("True")
        .withReason("NoConflicts")
        .withMessage("no conflicts found")
        .withLastTransitionTime(time(clusterCreated))
        .endCondition()
        .addNewCondition()
        .withType("Established")
        .withStatus("True")
        .withReason("InitialNamesAccepted")
        .withMessage("the initial names have been accepted")
        .withLastTransitionTime(time(clusterCreated))
        .endCondition()
        .withStoredVersions("v1")
        .endStatus()
        .build();
  }

  private void widgets() {
    widget("shop", "blue-gizmo", "blue", "small", "team-shop", 3);
    widget("shop", "red-sprocket", "red", "large", "team-shop", 1);
    widget("billing", "ledger-meter", "green", "medium", "team-billing", 2);
  }

  private void widget(
      String namespace, String name, String color, String size, String owner, int replicas) {
    GenericKubernetesResource widget = new GenericKubernetesResource();
    widget.setApiVersion(CRD_GROUP + "/v1");
    widget.setKind("Widget");
    widget.setMetadata(
        meta("Widget", namespace, name, appsCreated).addToLabels("team", owner).build());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("color", color);
    spec.put("size", size);
    spec.put("owner", owner);
    spec.put("replicas", replicas);
    widget.setAdditionalProperty("spec", spec);
    widget.setAdditionalProperty("status", Map.of("phase", "Ready"));
    objects.add(widget);
  }

  private void rbac() {
    objects.add(
        new ClusterRoleBuilder()
            .withMetadata(meta("ClusterRole", null, "widget-reader", appsCreated).build())
            .addNewRule()
            .withApiGroups(CRD_GROUP)
            .withResources("widgets")
            .withVerbs("get", "list", "watch")
            .endRule()
            .addNewRule()
            .withApiGroups("")
            .withResources("configmaps")
            .withVerbs("get", "list")
            .endRule()
            .build());
    objects.add(
        new ClusterRoleBindingBuilder()
            .withMetadata(meta("ClusterRoleBinding", null, "widget-readers", appsCreated).build())
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName("widget-reader")
            .endRoleRef()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName("web")
            .withNamespace("shop")
            .endSubject()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName("invoices")
            .withNamespace("billing")
            .endSubject()
            .build());
  }

  private void serviceAccount(String namespace, String name, Instant created) {
    objects.add(
        new ServiceAccountBuilder()
            .withMetadata(meta("ServiceAccount", namespace, name, created).build())
            .build());
  }

  private void secret(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    objects.add(
        new SecretBuilder()
            .withMetadata(meta("Secret", namespace, name, appsCreated).build())
            .withType("Opaque")
            .withData(data)
            .build());
  }

  /**
   * A PVC bound to a CSI PV named {@code pvc-<claim uid>}, as the external provisioner names it.
   */
  private void pvc(String namespace, String name, String size) {
    String claimUid = uid("PersistentVolumeClaim", namespace, name);
    String volume = "pvc-" + claimUid;
    Instant created = appsCreated.minus(Duration.ofMinutes(2));
    objects.add(
        new PersistentVolumeClaimBuilder()
            .withMetadata(
                meta("PersistentVolumeClaim", namespace, name, created)
                    .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
                    .addToAnnotations("pv.kubernetes.io/bound-by-controller", "yes")
                    .addToAnnotations("volume.beta.kubernetes.io/storage-provisioner", CSI_DRIVER)
                    .addToAnnotations("volume.kubernetes.io/storage-provisioner", CSI_DRIVER)
                    .withFinalizers("kubernetes.io/pvc-protection")
                    .build())
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .addToRequests("storage", new Quantity(size))
            .endResources()
            .withStorageClassName(STORAGE_CLASS)
            .withVolumeMode("Filesystem")
            .withVolumeName(volume)
            .endSpec()
            .withNewStatus()
            .withPhase("Bound")
            .withAccessModes("ReadWriteOnce")
            .addToCapacity("storage", new Quantity(size))
            .endStatus()
            .build());
    objects.add(
        new PersistentVolumeBuilder()
            .withMetadata(
                meta("PersistentVolume", null, volume, created.plusSeconds(1))
                    .addToAnnotations("pv.kubernetes.io/provisioned-by", CSI_DRIVER)
                    .addToAnnotations("volume.kubernetes.io/provisioner-deletion-secret-name", "")
                    .addToAnnotations(
                        "volume.kubernetes.io/provisioner-deletion-secret-namespace", "")
                    .withFinalizers(
                        "external-provisioner.volume.kubernetes.io/finalizer",
                        "kubernetes.io/pv-protection")
                    .build())
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .addToCapacity("storage", new Quantity(size))
            .withNewClaimRef()
            .withApiVersion("v1")
            .withKind("PersistentVolumeClaim")
            .withNamespace(namespace)
            .withName(name)
            .withUid(claimUid)
            .endClaimRef()
            .withNewCsi()
            .withDriver(CSI_DRIVER)
            .withFsType("ext4")
            .withVolumeHandle(uid("volume", namespace, name))
            .addToVolumeAttributes(
                "storage.kubernetes.io/csiProvisionerIdentity", "1732000000000-9101-" + CSI_DRIVER)
            .endCsi()
            .withPersistentVolumeReclaimPolicy("Delete")
            .withStorageClassName(STORAGE_CLASS)
            .withVolumeMode("Filesystem")
            .withNewNodeAffinity()
            .withNewRequired()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("topology.hostpath.csi/node")
            .withOperator("In")
            .withValues(NODE)
            .endMatchExpression()
            .endNodeSelectorTerm()
            .endRequired()
            .endNodeAffinity()
            .endSpec()
            .withNewStatus()
            .withPhase("Bound")
            .withLastPhaseTransitionTime(time(created.plusSeconds(1)))
            .endStatus()
            .build());
  }

  /** What one application is made of; fields have defaults for the common case. */
  private final class App {
    final String namespace;
    final String name;
    final String image;
    final int port;
    final String portName;
    final String serviceAccount;
    String labelKey = "app";
    String serviceName;
    String clusterIp;
    List<String> podSuffixes = List.of();
    Instant created = appsCreated;
    String configMap;
    String claim;
    String mountPath;
    Map<String, String> secretEnv = Map.of();

    App(
        String namespace,
        String name,
        String image,
        int port,
        String portName,
        String serviceAccount) {
      this.namespace = namespace;
      this.name = name;
      this.image = image;
      this.port = port;
      this.portName = portName;
      this.serviceAccount = serviceAccount;
      this.serviceName = name;
    }
  }

  /** Deployment, its ReplicaSet, its running Pods and a ClusterIP Service. */
  private void app(App app) {
    String hash = app.podSuffixes.get(0).substring(0, app.podSuffixes.get(0).indexOf('-'));
    String replicaSet = app.name + "-" + hash;
    int replicas = app.podSuffixes.size();
    Map<String, String> labels = Map.of(app.labelKey, app.name);
    Map<String, String> podLabels = new LinkedHashMap<>(labels);
    podLabels.put("pod-template-hash", hash);
    PodSpec podSpec = podSpec(app);
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withLabels(labels)
            .endMetadata()
            .withSpec(podSpec)
            .build();
    PodTemplateSpec hashedTemplate =
        new PodTemplateSpecBuilder(template)
            .editMetadata()
            .withLabels(podLabels)
            .endMetadata()
            .build();
    objects.add(
        new DeploymentBuilder()
            .withMetadata(
                meta("Deployment", app.namespace, app.name, app.created)
                    .withLabels(labels)
                    .addToAnnotations("deployment.kubernetes.io/revision", "1")
                    .build())
            .withNewSpec()
            .withReplicas(replicas)
            .withRevisionHistoryLimit(10)
            .withProgressDeadlineSeconds(600)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withNewMaxSurge("25%")
            .withNewMaxUnavailable("25%")
            .endRollingUpdate()
            .endStrategy()
            .withTemplate(template)
            .endSpec()
            .withNewStatus()
            .withObservedGeneration(1L)
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(replicas)
            .withAvailableReplicas(replicas)
            .addNewCondition()
            .withType("Available")
            .withStatus("True")
            .withReason("MinimumReplicasAvailable")
            .withMessage("Deployment has minimum availability.")
            .withLastTransitionTime(time(app.created.plusSeconds(9)))
            .withLastUpdateTime(time(app.created.plusSeconds(9)))
            .endCondition()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("True")
            .withReason("NewReplicaSetAvailable")
            .withMessage("ReplicaSet \"" + replicaSet + "\" has successfully progressed.")
            .withLastTransitionTime(time(app.created))
            .withLastUpdateTime(time(app.created.plusSeconds(9)))
            .endCondition()
            .endStatus()
            .build());
    objects.add(
        new ReplicaSetBuilder()
            .withMetadata(
                meta("ReplicaSet", app.namespace, replicaSet, app.created)
                    .withLabels(podLabels)
                    .addToAnnotations("deployment.kubernetes.io/desired-replicas", "" + replicas)
                    .addToAnnotations("deployment.kubernetes.io/max-replicas", "" + (replicas + 1))
                    .addToAnnotations("deployment.kubernetes.io/revision", "1")
                    .withOwnerReferences(owner("apps/v1", "Deployment", app.namespace, app.name))
                    .build())
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(podLabels)
            .endSelector()
            .withTemplate(hashedTemplate)
            .endSpec()
            .withNewStatus()
            .withObservedGeneration(1L)
            .withReplicas(replicas)
            .withFullyLabeledReplicas(replicas)
            .withReadyReplicas(replicas)
            .withAvailableReplicas(replicas)
            .endStatus()
            .build());
    for (String suffix : app.podSuffixes) {
      pod(app, app.name + "-" + suffix, podLabels, podSpec, replicaSet);
    }
    String clusterIp = app.clusterIp != null ? app.clusterIp : "10.96." + serviceIp++ + ".17";
    objects.add(
        new ServiceBuilder()
            .withMetadata(
                meta("Service", app.namespace, app.serviceName, app.created)
                    .withLabels(labels)
                    .build())
            .withNewSpec()
            .withType("ClusterIP")
            .withClusterIP(clusterIp)
            .withClusterIPs(clusterIp)
            .withIpFamilies("IPv4")
            .withIpFamilyPolicy("SingleStack")
            .withInternalTrafficPolicy("Cluster")
            .withSessionAffinity("None")
            .withSelector(labels)
            .addNewPort()
            .withName(app.portName)
            .withProtocol("TCP")
            .withPort(app.port)
            .withNewTargetPort(app.port)
            .endPort()
            .endSpec()
            .withNewStatus()
            .withNewLoadBalancer()
            .endLoadBalancer()
            .endStatus()
            .build());
  }

  private PodSpec podSpec(App app) {
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(app.name)
            .withImage(app.image)
            .withImagePullPolicy("IfNotPresent")
            .withPorts(
                new ContainerPortBuilder()
                    .withName(app.portName)
                    .withContainerPort(app.port)
                    .withProtocol("TCP")
                    .build())
            .withNewResources()
            .addToRequests("cpu", new Quantity("100m"))
            .addToRequests("memory", new Quantity("128Mi"))
            .addToLimits("memory", new Quantity("256Mi"))
            .endResources()
            .withTerminationMessagePath("/dev/termination-log")
            .withTerminationMessagePolicy("File");
    app.secretEnv.forEach(
        (variable, reference) -> {
          int slash = reference.indexOf('/');
          container
              .addNewEnv()
              .withName(variable)
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(reference.substring(0, slash))
              .withKey(reference.substring(slash + 1))
              .endSecretKeyRef()
              .endValueFrom()
              .endEnv();
        });
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withServiceAccountName(app.serviceAccount)
            .withRestartPolicy("Always")
            .withDnsPolicy("ClusterFirst")
            .withSchedulerName("default-scheduler")
            .withTerminationGracePeriodSeconds(30L)
            .withEnableServiceLinks(true)
            .withPriority(0)
            .withPreemptionPolicy("PreemptLowerPriority");
    if (app.configMap != null || app.claim != null) {
      container.addNewVolumeMount().withName("data").withMountPath(app.mountPath).endVolumeMount();
      if (app.claim != null) {
        spec.addNewVolume()
            .withName("data")
            .withNewPersistentVolumeClaim()
            .withClaimName(app.claim)
            .endPersistentVolumeClaim()
            .endVolume();
      } else {
        spec.addNewVolume()
            .withName("data")
            .withNewConfigMap()
            .withName(app.configMap)
            .withDefaultMode(0644)
            .endConfigMap()
            .endVolume();
      }
    }
    return spec.withContainers(container.build()).build();
  }

  private void pod(
      App app, String name, Map<String, String> labels, PodSpec spec, String replicaSet) {
    Instant started = app.created.plusSeconds(3);
    String ip = "10.244.0." + podIp++;
    List<PodCondition> conditions = new ArrayList<>();
    for (String type :
        List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady")) {
      conditions.add(
          new PodConditionBuilder()
              .withType(type)
              .withStatus("True")
              .withLastTransitionTime(time(started.plusSeconds(5)))
              .build());
    }
    conditions.add(
        new PodConditionBuilder()
            .withType("PodScheduled")
            .withStatus("True")
            .withLastTransitionTime(time(started))
            .build());
    objects.add(
        new PodBuilder()
            .withMetadata(
                meta("Pod", app.namespace, name, app.created.plusSeconds(1))
                    .withLabels(labels)
                    .withOwnerReferences(owner("apps/v1", "ReplicaSet", app.namespace, replicaSet))
                    .build())
            .withSpec(new PodSpecBuilder(spec).withNodeName(NODE).build())
            .withNewStatus()
            .withPhase("Running")
            .withConditions(conditions)
            .withHostIP(NODE_IP)
            .addNewHostIP(NODE_IP)
            .withPodIP(ip)
            .addNewPodIP(ip)
            .withStartTime(time(started))
            .withQosClass("Burstable")
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName(app.name)
                    .withImage(app.image)
                    .withImageID(app.image + "@sha256:" + sha(app.image))
                    .withContainerID("containerd://" + sha(name))
                    .withReady(true)
                    .withStarted(true)
                    .withRestartCount(0)
                    .withNewState()
                    .withNewRunning()
                    .withStartedAt(time(started.plusSeconds(4)))
                    .endRunning()
                    .endState()
                    .build())
            .endStatus()
            .build());
  }

  private ObjectMetaBuilder meta(String kind, String namespace, String name, Instant created) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withUid(uid(kind, namespace, name))
        .withCreationTimestamp(time(created));
  }

  private static OwnerReference owner(
      String apiVersion, String kind, String namespace, String name) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid(kind, namespace, name))
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** A fixed uid per object, so that references between objects agree. */
  static String uid(String kind, String namespace, String name) {
    String key = "stowage-demo/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** 64 hex digits that look like an image or container digest. */
  private static String sha(String seed) {
    String a = uid("digest", "a", seed).replace("-", "");
    String b = uid("digest", "b", seed).replace("-", "");
    return a + b;
  }

  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
