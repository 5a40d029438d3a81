/**
 * An embedded Kubernetes API server for tests, demos and benchmarks: fabric8's {@code
 * kubernetes-server-mock} in CRUD mode, made realistic enough for discovery-driven backup code.
 *
 * <p>Start with {@link io.stowage.testkit.k8s.EmbeddedKubernetes}. What it adds over the stock mock
 * (discovery, paging, set-based selectors, exec routing, direct seeding, Secret {@code stringData})
 * lives in {@link io.stowage.testkit.k8s.RealisticCrudDispatcher}; what it still does not model is
 * listed there.
 */
package io.stowage.testkit.k8s;
