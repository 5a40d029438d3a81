/**
 * Velero's backup hooks (velero-facts §6.8): exec hooks run in pods before ({@code pre}) and after
 * ({@code post}) the pod is backed up, from pod annotations or from the Backup's {@code
 * spec.hooks.resources}. {@link io.stowage.core.hooks.PodHooks} is what the engine calls; {@link
 * io.stowage.core.hooks.AnnotationHooks} and {@link io.stowage.core.hooks.ResourceHook} are where
 * the hooks come from.
 */
package io.stowage.core.hooks;
