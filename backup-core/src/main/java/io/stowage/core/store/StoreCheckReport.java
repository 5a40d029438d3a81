package io.stowage.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link StoreCheck#run}: one {@link Step} per check, in the order they ran.
 *
 * @param bucket the bucket checked
 * @param prefix the location's prefix ({@code ""} when none)
 * @param steps what was checked and how it went
 */
public record StoreCheckReport(String bucket, String prefix, List<Step> steps) {
  public StoreCheckReport {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(prefix, "prefix is null");
    steps = List.copyOf(steps);
  }

  /** How a step went. */
  public enum Status {
    OK,
    FAILED,
    /** Not run: a step it needs failed, or the store lacks the feature, or it was not asked for. */
    SKIPPED
  }

  /**
   * One check.
   *
   * @param name a stable name: {@code layout}, {@code write}, {@code exists}, {@code read}, {@code
   *     list}, {@code create-only}, {@code signed-url}, {@code delete}
   * @param status how it went
   * @param detail what was seen: on success a short summary, on failure the error message without
   *     the hint
   * @param hint on failure, which setting, credential or permission to check, when known
   * @param took how long it took
   */
  public record Step(
      String name, Status status, String detail, Optional<String> hint, Duration took) {
    public Step {
      requireNonNull(name, "name is null");
      requireNonNull(status, "status is null");
      requireNonNull(detail, "detail is null");
      requireNonNull(hint, "hint is null");
      requireNonNull(took, "took is null");
    }
  }

  /** {@code true} when no step failed. */
  public boolean ok() {
    return steps.stream().noneMatch(s -> s.status() == Status.FAILED);
  }

  /** The failed steps. */
  public List<Step> failures() {
    return steps.stream().filter(s -> s.status() == Status.FAILED).toList();
  }

  /** The step of that name, if it ran or was skipped. */
  public Optional<Step> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** A text table for people: one line per step, the hint under a failed one. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Store check of bucket ")
        .append(bucket)
        .append(prefix.isEmpty() ? "" : ", prefix " + prefix)
        .append(": ")
        .append(ok() ? "OK" : "FAILED (" + failures().size() + " of " + steps.size() + " steps)")
        .append('\n');
    for (Step step : steps) {
      out.append(
          String.format(
              "  %-7s %-12s %s (%d ms)%n",
              step.status(), step.name(), step.detail(), step.took().toMillis()));
      step.hint()
          .ifPresent(hint -> out.append(String.format("  %-7s %-12s hint: %s%n", "", "", hint)));
    }
    return out.toString();
  }
}
