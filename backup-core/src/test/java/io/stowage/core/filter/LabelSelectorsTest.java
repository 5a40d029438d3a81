package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.core.filter.LabelSelector.Expression;
import io.stowage.core.filter.LabelSelector.Operator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
  @Test
  void formatsSortedByKeyWithSortedSetValues() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("b", "2");
    labels.put("a", "1");
    LabelSelector s =
        new LabelSelector(
            labels,
            List.of(
                new Expression("f", Operator.NOT_IN, List.of("z")),
                new Expression("c", Operator.IN, List.of("y", "x")),
                new Expression("e", Operator.EXISTS, List.of()),
                new Expression("d", Operator.DOES_NOT_EXIST, null)));
    assertThat(LabelSelectors.format(s)).isEqualTo("a=1,b=2,c in (x,y),!d,e,f notin (z)");
  }

  @Test
  void sameKeyKeepsMatchLabelsBeforeExpressions() {
    LabelSelector s =
        new LabelSelector(
            Map.of("app", "web"), List.of(new Expression("app", Operator.NOT_IN, List.of("db"))));
    assertThat(LabelSelectors.format(s)).isEqualTo("app=web,app notin (db)");
  }

  @Test
  void emptyOrAbsentSelectorFormatsAsEmptyNeverNone() {
    assertThat(LabelSelectors.format(new LabelSelector(null, null))).isEmpty();
    assertThat(LabelSelectors.format(null)).isEmpty();
  }

  @Test
  void invalidSelectorsAreRefusedInsteadOfFormattedAsError() {
    assertThatThrownBy(() -> LabelSelectors.format(LabelSelector.of(Map.of("bad key", "v"))))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("invalid label selector")
        .hasMessageContaining("bad key");
    assertThatThrownBy(
            () ->
                LabelSelectors.format(
                    new LabelSelector(null, List.of(new Expression("a", Operator.IN, List.of())))))
        .hasMessageContaining("values set can't be empty");
    assertThatThrownBy(() -> LabelSelectors.format(LabelSelector.of(Map.of("a", "-x"))))
        .hasMessageContaining("a valid label must be an empty string");
    assertThatThrownBy(() -> LabelSelector.Operator.fromValue("in"))
        .hasMessage("\"in\" is not a valid label selector operator");
  }

  @Test
  void listSelectorsUseOrSelectorsWhenPresent() {
    LabelSelector a = LabelSelector.of(Map.of("app", "a"));
    LabelSelector b = LabelSelector.of(Map.of("app", "b"));
    assertThat(LabelSelectors.listSelectors(null, List.of(a, b))).containsExactly("app=a", "app=b");
    assertThat(LabelSelectors.listSelectors(a, null)).containsExactly("app=a");
    assertThat(LabelSelectors.listSelectors(null, List.of())).containsExactly("");
    assertThat(LabelSelectors.listSelectors(null, null)).containsExactly("");
  }

  @Test
  void bothSelectorsIsAValidationError() {
    LabelSelector a = LabelSelector.of(Map.of("app", "a"));
    assertThat(LabelSelectors.validateExclusive(a, List.of()))
        .contains(
            "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be"
                + " specified");
    assertThat(LabelSelectors.validateExclusive(a, null)).isEmpty();
    assertThat(LabelSelectors.validateExclusive(null, List.of(a))).isEmpty();
  }

  @Test
  void equalityMatching() {
    Map<String, String> labels = Map.of("app", "web", "tier", "front");
    assertThat(LabelSelectors.parse("app=web").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("app==web").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("app=db").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("app!=db").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("other!=db").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("app=web,tier=back").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse(" app = web , tier = front ").matches(labels)).isTrue();
  }

  @Test
  void setMatching() {
    Map<String, String> labels = Map.of("env", "prod");
    assertThat(LabelSelectors.parse("env in (prod,staging)").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("env in (dev)").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("env notin (dev)").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("env notin (prod)").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("missing notin (x)").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("missing in (x)").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("env in (in,notin)").matches(Map.of("env", "in"))).isTrue();
  }

  @Test
  void existenceMatching() {
    Map<String, String> labels = Map.of("env", "prod");
    assertThat(LabelSelectors.parse("env").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("team").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("!team").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("!env").matches(labels)).isFalse();
    assertThat(LabelSelectors.parse("").matches(labels)).isTrue();
    assertThat(LabelSelectors.parse("!env").matches(null)).isTrue();
  }

  @Test
  void numericComparisons() {
    assertThat(LabelSelectors.parse("replicas>2").matches(Map.of("replicas", "3"))).isTrue();
    assertThat(LabelSelectors.parse("replicas<2").matches(Map.of("replicas", "3"))).isFalse();
    assertThat(LabelSelectors.parse("replicas>2").matches(Map.of("replicas", "x"))).isFalse();
  }

  @Test
  void parsedSelectorsPrintInKubernetesForm() {
    assertThat(LabelSelectors.parse("z=1, b in (y,x), !a, c").toString())
        .isEqualTo("!a,b in (x,y),c,z=1");
    assertThat(LabelSelectors.parse("x in (foo,,baz)").toString()).isEqualTo("x in (,baz,foo)");
    assertThat(LabelSelectors.parse("x=").toString()).isEqualTo("x=");
  }

  @Test
  void parseErrors() {
    assertThatThrownBy(() -> LabelSelectors.parse("a=b,"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("expected: identifier after ','");
    assertThatThrownBy(() -> LabelSelectors.parse("a in b")).hasMessageContaining("expected: '('");
    assertThatThrownBy(() -> LabelSelectors.parse("!a=b"))
        .hasMessageContaining("expected: ',' or 'end of string'");
    assertThatThrownBy(() -> LabelSelectors.parse("a b")).hasMessageContaining("found 'b'");
    assertThatThrownBy(() -> LabelSelectors.parse("a>x"))
        .hasMessageContaining("must be an integer");
    assertThatThrownBy(() -> LabelSelectors.parse("-a=b")).hasMessageContaining("name part");
  }

  @Test
  void specSelectorsMatchLikeKubernetes() {
    Selector s =
        LabelSelectors.toSelector(
            new LabelSelector(
                Map.of("app", "web"),
                List.of(new Expression("tier", Operator.IN, List.of("a", "b")))));
    assertThat(s.matches(Map.of("app", "web", "tier", "b"))).isTrue();
    assertThat(s.matches(Map.of("app", "web"))).isFalse();
    assertThat(LabelSelectors.toSelector(new LabelSelector(null, null)).matches(Map.of())).isTrue();
  }
}
