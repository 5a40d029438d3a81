package io.stowage.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static final Map<String, String> WEB =
      Map.of("tier", "web", "app.kubernetes.io/name", "shop", "replicas", "3");

  @Test
  void equalityAndExistenceForms() {
    assertThat(matches("tier=web", WEB)).isTrue();
    assertThat(matches("tier==web", WEB)).isTrue();
    assertThat(matches("tier!=db", WEB)).isTrue();
    assertThat(matches("tier!=web", WEB)).isFalse();
    assertThat(matches("app.kubernetes.io/name", WEB)).isTrue();
    assertThat(matches("!canary", WEB)).isTrue();
    assertThat(matches("!tier", WEB)).isFalse();
    assertThat(matches("canary!=true", WEB)).isTrue();
  }

  @Test
  void setBasedFormsWithSpacesAndMoreTerms() {
    assertThat(matches("tier in (web, db)", WEB)).isTrue();
    assertThat(matches("tier in (db)", WEB)).isFalse();
    assertThat(matches("tier notin (db,cache)", WEB)).isTrue();
    assertThat(matches("canary notin (true)", WEB)).isTrue();
    assertThat(matches("canary in (true,false)", WEB)).isFalse();
    assertThat(matches("tier in (web),app.kubernetes.io/name=shop,!canary", WEB)).isTrue();
    assertThat(matches("tier in (web),canary", WEB)).isFalse();
    assertThat(matches("replicas>2,replicas<4", WEB)).isTrue();
  }

  @Test
  void emptySelectorMatchesEverything() {
    assertThat(LabelSelector.parse(null).isEverything()).isTrue();
    assertThat(matches(" ", Map.of())).isTrue();
  }

  @Test
  void malformedSelectorsAreRejected() {
    assertThatThrownBy(() -> LabelSelector.parse("tier in (web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tier in (web");
    assertThatThrownBy(() -> LabelSelector.parse("tier=we b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabelSelector.parse("a,,b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabelSelector.parse("x>y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean matches(String selector, Map<String, String> labels) {
    return LabelSelector.parse(selector).matches(labels::get);
  }
}
