package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {
  private static boolean m(String pattern, String s) {
    return Glob.compile(pattern).matches(s);
  }

  @Test
  void starMatchesAnyCharactersIncludingDots() {
    assertThat(m("*", "")).isTrue();
    assertThat(m("*", "deployments.apps")).isTrue();
    assertThat(m("*.example.com", "widgets.example.com")).isTrue();
    assertThat(m("*.example.com", "a.b.example.com")).isTrue();
    assertThat(m("*.example.com", "example.com")).isFalse();
    assertThat(m("app-*", "app-")).isTrue();
    assertThat(m("app-*", "app.prod")).isFalse();
  }

  @Test
  void doubleStarIsTheSameAsStarWithoutSeparators() {
    assertThat(m("a**b", "a.x.y.b")).isTrue();
    assertThat(m("**", "anything.at/all")).isTrue();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    assertThat(m("ns?", "ns1")).isTrue();
    assertThat(m("ns?", "ns.")).isTrue();
    assertThat(m("ns?", "ns")).isFalse();
    assertThat(m("ns?", "ns10")).isFalse();
  }

  @Test
  void questionMarkMatchesOneCodePoint() {
    assertThat(m("a?b", "a\uD83D\uDE00b")).isTrue();
    assertThat(m("a??b", "a\uD83D\uDE00b")).isFalse();
  }

  @Test
  void characterListsAndRanges() {
    assertThat(m("ns[abc]", "nsb")).isTrue();
    assertThat(m("ns[abc]", "nsd")).isFalse();
    assertThat(m("ns[a-c]", "nsc")).isTrue();
    assertThat(m("ns[a-c]", "nsd")).isFalse();
    assertThat(m("ns[!abc]", "nsd")).isTrue();
    assertThat(m("ns[!abc]", "nsa")).isFalse();
    assertThat(m("ns[!a-c]", "ns1")).isTrue();
    assertThat(m("ns[!a-c]", "nsb")).isFalse();
    assertThat(m("[!a]", "")).isFalse();
  }

  @Test
  void dashInsideAListIsLiteral() {
    assertThat(m("[abc-z]", "-")).isTrue();
    assertThat(m("[abc-z]", "z")).isTrue();
    assertThat(m("[abc-z]", "d")).isFalse();
  }

  @Test
  void classesGobwasRefuses() {
    assertThat(Glob.tryCompile("[]")).isEmpty();
    assertThat(Glob.tryCompile("[!]")).isEmpty();
    assertThat(Glob.tryCompile("ns[abc")).isEmpty();
    assertThat(Glob.tryCompile("[a-zA-Z]")).isEmpty();
    assertThat(Glob.tryCompile("[z-a]")).isEmpty();
    assertThatThrownBy(() -> Glob.compile("[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("could not parse range");
  }

  @Test
  void closingCharactersOutsideTheirConstructAreLiteral() {
    assertThat(m("a]b", "a]b")).isTrue();
    assertThat(m("a}b", "a}b")).isTrue();
    assertThat(m("a,b", "a,b")).isTrue();
  }

  @Test
  void braceAlternatives() {
    assertThat(m("app-{prod,staging}", "app-prod")).isTrue();
    assertThat(m("app-{prod,staging}", "app-staging")).isTrue();
    assertThat(m("app-{prod,staging}", "app-dev")).isFalse();
    assertThat(m("{a,b{c,d}}x", "bdx")).isTrue();
    assertThat(m("{a,}x", "x")).isTrue();
    assertThat(m("*.{apps,extensions}", "deployments.extensions")).isTrue();
  }

  @Test
  void unclosedBraceIsAcceptedAsClosedAtTheEnd() {
    assertThat(m("{a,b", "b")).isTrue();
    assertThat(m("{a,b", "{a,b")).isFalse();
  }

  @Test
  void backslashEscapes() {
    assertThat(m("a\\*b", "a*b")).isTrue();
    assertThat(m("a\\*b", "axb")).isFalse();
    assertThat(m("\\[x\\]", "[x]")).isTrue();
    assertThat(m("[\\]]", "]")).isTrue();
    assertThat(m("{a\\,b,c}", "a,b")).isTrue();
    assertThat(m("abc\\", "abc")).isTrue();
  }

  @Test
  void literalsMatchOnlyThemselves() {
    assertThat(Glob.isLiteral("deployments.apps")).isTrue();
    assertThat(Glob.isLiteral("a*")).isFalse();
    assertThat(Glob.isLiteral("a{b}")).isFalse();
    assertThat(m("pods", "pods")).isTrue();
    assertThat(m("pods", "pod")).isFalse();
    assertThat(m("", "")).isTrue();
    assertThat(m("", "a")).isFalse();
  }

  @Test
  void severalStarsBacktrack() {
    assertThat(m("*a*b*c", "xxaxxbxxbc")).isTrue();
    assertThat(m("*a*b*c", "xxaxxbxxbd")).isFalse();
    assertThat(m("a*b?c*", "aXXbYcZZ")).isTrue();
    assertThat(m("a*[0-9]", "abc")).isFalse();
    assertThat(m("a*[0-9]", "abc7")).isTrue();
    assertThat(m("*-?-*", "a-b-c")).isTrue();
  }
}
