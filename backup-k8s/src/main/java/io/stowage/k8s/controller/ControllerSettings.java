package io.stowage.k8s.controller;

import java.time.Duration;

/**
 * The tunables of the loop, as the builder of {@link BackupController} collects them.
 *
 * @param namespace Velero's namespace: Backups, locations and the Lease live there
 * @param workers threads processing backups
 * @param resyncPeriod informer resync and metric resync period
 * @param metricsInitialDelay delay of the first metric resync
 * @param retryBase first retry delay of a key whose processing failed
 * @param retryMax longest retry delay
 * @param maxAttempts attempts to start a backup before it is marked Failed
 * @param finalStatusTimeout how long the final status write is retried
 */
record ControllerSettings(
    String namespace,
    int workers,
    Duration resyncPeriod,
    Duration metricsInitialDelay,
    Duration retryBase,
    Duration retryMax,
    int maxAttempts,
    Duration finalStatusTimeout) {}
