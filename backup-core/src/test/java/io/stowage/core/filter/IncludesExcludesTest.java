package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncludesExcludesTest {
  @Test
  void emptyIncludesIncludeEverything() {
    IncludesExcludes ie = IncludesExcludes.of(List.of(), List.of());
    assertThat(ie.shouldInclude("anything")).isTrue();
    assertThat(ie.includeEverything()).isTrue();
  }

  @Test
  void literalStarIncludesEverything() {
    IncludesExcludes ie = IncludesExcludes.of(List.of("*"), List.of());
    assertThat(ie.shouldInclude("pods")).isTrue();
    assertThat(ie.includeEverything()).isTrue();
  }

  @Test
  void anyExcludeMatchWins() {
    IncludesExcludes ie = IncludesExcludes.of(List.of("*"), List.of("kube-*"));
    assertThat(ie.shouldInclude("kube-system")).isFalse();
    assertThat(ie.shouldInclude("default")).isTrue();
    assertThat(ie.includeEverything()).isFalse();
  }

  @Test
  void includePatternsMatch() {
    IncludesExcludes ie = IncludesExcludes.of(List.of("app-*", "db"), List.of());
    assertThat(ie.shouldInclude("app-1")).isTrue();
    assertThat(ie.shouldInclude("db")).isTrue();
    assertThat(ie.shouldInclude("web")).isFalse();
    assertThat(ie.includeEverything()).isFalse();
  }

  @Test
  void starInIncludesWithOthersIsNotIncludeEverything() {
    assertThat(IncludesExcludes.of(List.of("*", "a"), List.of()).includeEverything()).isFalse();
  }

  @Test
  void invalidPatternMatchesNothingAndHidesLaterEntries() {
    // Velero's globStringSet stops at the first entry (sorted) that fails to compile.
    IncludesExcludes ie = IncludesExcludes.of(List.of("[", "b*", "a", "0ns"), List.of());
    assertThat(ie.shouldInclude("[")).isFalse();
    assertThat(ie.shouldInclude("0ns")).isTrue(); // sorted before "["
    assertThat(ie.shouldInclude("a")).isFalse(); // sorted after "["
    assertThat(ie.shouldInclude("b1")).isFalse();
  }

  @Test
  void logStrings() {
    IncludesExcludes ie = IncludesExcludes.of(List.of(), List.of("b", "a"));
    assertThat(ie.includesString()).isEqualTo("*");
    assertThat(ie.excludesString()).isEqualTo("a, b");
    assertThat(IncludesExcludes.EVERYTHING.excludesString()).isEqualTo("<none>");
  }

  @Test
  void oldListValidationMessages() {
    assertThat(IncludesExcludes.validate(List.of("*", "pods"), List.of("*", "pods", "a")))
        .containsExactly(
            "includes list must either contain '*' only, or a non-empty list of items",
            "excludes list cannot contain '*'",
            "excludes list cannot contain an item in the includes list: *",
            "excludes list cannot contain an item in the includes list: pods");
    assertThat(IncludesExcludes.validate(List.of("*"), List.of("pods"))).isEmpty();
    assertThat(IncludesExcludes.validate(null, null)).isEmpty();
  }

  @Test
  void scopedListValidationMessages() {
    assertThat(IncludesExcludes.validateScoped(List.of("pods"), List.of("*", "secrets")))
        .containsExactly(
            "excludes list must either contain '*' only, or a non-empty list of items",
            "when exclude is '*', include cannot have value");
    assertThat(IncludesExcludes.validateScoped(List.of(), List.of("*"))).isEmpty();
    assertThat(IncludesExcludes.validateScoped(List.of("a", "*"), List.of("a")))
        .containsExactly(
            "includes list must either contain '*' only, or a non-empty list of items",
            "excludes list cannot contain an item in the includes list: a");
  }
}
