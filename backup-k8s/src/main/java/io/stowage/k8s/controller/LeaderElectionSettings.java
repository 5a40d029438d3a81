package io.stowage.k8s.controller;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * Lease-based leader election of the backup controller: replicas sharing a {@code
 * coordination.k8s.io/v1} Lease named {@code leaseName} in the controller's namespace elect one
 * that processes backups; the others wait.
 *
 * @param identity this replica's name in the Lease ({@code holderIdentity}); unique per replica
 * @param leaseName the Lease shared by the replicas
 * @param leaseDuration how long a Lease not renewed stays taken (client-go default 15 s)
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading (10 s);
 *     shorter than {@code leaseDuration}
 * @param retryPeriod the pause between two attempts to acquire or renew (2 s); shorter than {@code
 *     renewDeadline}
 */
public record LeaderElectionSettings(
    String identity,
    String leaseName,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {
  /** The Lease name used unless told otherwise. */
  public static final String DEFAULT_LEASE_NAME = "stowage-backup-controller";

  public LeaderElectionSettings {
    requireNonNull(identity, "identity is null");
    requireNonNull(leaseName, "leaseName is null");
    requireNonNull(leaseDuration, "leaseDuration is null");
    requireNonNull(renewDeadline, "renewDeadline is null");
    requireNonNull(retryPeriod, "retryPeriod is null");
    if (identity.isBlank() || leaseName.isBlank()) {
      throw new IllegalArgumentException("identity and leaseName must not be blank");
    }
    if (retryPeriod.isZero()
        || retryPeriod.isNegative()
        || retryPeriod.compareTo(renewDeadline) >= 0
        || renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "leader election needs 0 < retryPeriod < renewDeadline < leaseDuration, got "
              + retryPeriod
              + ", "
              + renewDeadline
              + ", "
              + leaseDuration);
    }
  }

  /** client-go's timings (15 s, 10 s, 2 s), the default Lease name, and {@code identity}. */
  public static LeaderElectionSettings of(String identity) {
    return new LeaderElectionSettings(
        identity,
        DEFAULT_LEASE_NAME,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  /** As {@link #of(String)} with a generated identity: the host name and a random suffix. */
  public static LeaderElectionSettings defaults() {
    return of(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  public LeaderElectionSettings withLeaseName(String name) {
    return new LeaderElectionSettings(identity, name, leaseDuration, renewDeadline, retryPeriod);
  }

  /** The same with other timings. */
  public LeaderElectionSettings withTimings(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaderElectionSettings(
        identity, leaseName, leaseDuration, renewDeadline, retryPeriod);
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "stowage";
    }
  }
}
