package io.stowage.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceFilterTest {
  private static final List<String> CLUSTER =
      List.of("default", "kube-system", "app-prod", "app-staging", "db-prod", "ns1", "ns10");

  private static final String LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

  @Test
  void emptyIncludesBecomeStarAndAreListedClusterWide() {
    NamespaceFilter f = NamespaceFilter.create(List.of(), null, CLUSTER);
    assertThat(f.includes()).containsExactly("*");
    assertThat(f.includesAll()).isTrue();
    assertThat(f.includeEverything()).isTrue();
    assertThat(f.namespacesToList()).containsExactly("");
    assertThat(f.missingIncludedNamespaces()).isEmpty();
  }

  @Test
  void starWithExcludesListsClusterWideAndFiltersPerItem() {
    NamespaceFilter f = NamespaceFilter.create(List.of("*"), List.of("kube-*"), CLUSTER);
    assertThat(f.wildcardExpanded()).isFalse(); // an include is exactly "*"
    assertThat(f.includesAll()).isTrue();
    assertThat(f.includeEverything()).isFalse();
    assertThat(f.namespacesToList()).containsExactly("");
    assertThat(f.shouldInclude("kube-system")).isFalse();
    assertThat(f.shouldInclude("default")).isTrue();
  }

  @Test
  void literalIncludesAreListedOneByOneSorted() {
    NamespaceFilter f =
        NamespaceFilter.create(List.of("ns1", "default", "gone"), List.of("ns1"), CLUSTER);
    assertThat(f.includesAll()).isFalse();
    assertThat(f.namespacesToList()).containsExactly("default", "gone");
    assertThat(f.missingIncludedNamespaces()).containsExactly("gone");
  }

  @Test
  void wildcardsExpandAgainstClusterNamespacesAndLiteralsAreKept() {
    NamespaceFilter f =
        NamespaceFilter.create(List.of("app-*", "missing"), List.of("*-staging"), CLUSTER);
    assertThat(f.wildcardExpanded()).isTrue();
    assertThat(f.includes()).containsExactly("app-prod", "app-staging", "missing");
    assertThat(f.excludes()).containsExactly("app-staging");
    assertThat(f.namespacesToList()).containsExactly("app-prod", "missing");
    assertThat(f.missingIncludedNamespaces()).containsExactly("missing");
    assertThat(f.resolveNamespaces()).containsExactly("app-prod");
  }

  @Test
  void questionMarkAndClassesExpand() {
    assertThat(NamespaceFilter.create(List.of("ns?"), null, CLUSTER).namespacesToList())
        .containsExactly("ns1");
    assertThat(NamespaceFilter.create(List.of("[ad]*"), null, CLUSTER).namespacesToList())
        .containsExactly("app-prod", "app-staging", "db-prod", "default");
  }

  @Test
  void wildcardExcludeExpandsWhenIncludesAreLiteral() {
    NamespaceFilter f =
        NamespaceFilter.create(List.of("app-prod", "db-prod"), List.of("db-*"), CLUSTER);
    assertThat(f.excludes()).containsExactly("db-prod");
    assertThat(f.namespacesToList()).containsExactly("app-prod");
  }

  @Test
  void expansionLeavingNoIncludesIncludesNothing() {
    NamespaceFilter f = NamespaceFilter.create(List.of("nomatch-*"), null, CLUSTER);
    assertThat(f.includes()).isEmpty();
    assertThat(f.shouldInclude("default")).isFalse();
    assertThat(f.includesAll()).isFalse();
    assertThat(f.namespacesToList()).isEmpty();
    assertThat(f.resolveNamespaces()).isEmpty();
    // Stowage decision: not "everything" either (Velero's IncludeEverything would say true here).
    assertThat(f.includeEverything()).isFalse();
  }

  @Test
  void expansionRejectsPatternsVeleroRejects() {
    assertThatThrownBy(() -> NamespaceFilter.create(List.of("app-**"), null, CLUSTER))
        .isInstanceOf(BackupException.class)
        .hasMessage(
            "Invalid included/excluded namespace lists: wildcard pattern contains consecutive"
                + " asterisks (only single * allowed)")
        .extracting(e -> ((BackupException) e).errorCode())
        .isEqualTo(StandardErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void validationAppliesOldListRules() {
    assertThat(NamespaceFilter.validate(List.of("*", "a"), List.of("*")))
        .containsExactly(
            "Invalid included/excluded namespace lists: includes list must either contain '*'"
                + " only, or a non-empty list of items",
            "Invalid included/excluded namespace lists: excludes list cannot contain '*'",
            "Invalid included/excluded namespace lists: excludes list cannot contain an item in"
                + " the includes list: *");
  }

  @Test
  void validationRejectsUnsupportedWildcardSyntax() {
    String p = "Invalid included/excluded namespace lists: ";
    assertThat(NamespaceFilter.validate(List.of("app-{prod,dev}"), List.of()))
        .containsExactly(
            p + "wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,");
    assertThat(NamespaceFilter.validate(List.of("ns(1|2)"), List.of()))
        .containsExactly(
            p + "wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,");
    assertThat(NamespaceFilter.validate(List.of("ns[!a]"), List.of()))
        .containsExactly(
            p + "wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,");
    assertThat(NamespaceFilter.validate(List.of("a**"), List.of()))
        .containsExactly(
            p + "wildcard pattern contains consecutive asterisks (only single * allowed)");
    assertThat(NamespaceFilter.validate(List.of("ns[]"), List.of()))
        .containsExactly(p + "wildcard pattern contains empty bracket pattern '[]'");
    assertThat(NamespaceFilter.validate(List.of("ns[a"), List.of()))
        .containsExactly(p + "wildcard pattern contains unclosed bracket '['");
    assertThat(NamespaceFilter.validate(List.of("ns]a"), List.of()))
        .containsExactly(p + "wildcard pattern contains unmatched closing bracket ']'");
    assertThat(NamespaceFilter.validate(List.of("*", "ns[ab]", "a?c"), List.of())).hasSize(1);
  }

  @Test
  void validationChecksNamespaceNamesAfterReplacingWildcards() {
    String p = "Invalid included/excluded namespace lists: ";
    assertThat(NamespaceFilter.validate(List.of("App"), List.of("a_b")))
        .containsExactly(
            p + "invalid namespace \"App\": " + LABEL_MSG,
            p + "invalid namespace \"a_b\": " + LABEL_MSG);
    assertThat(NamespaceFilter.validate(List.of("app.prod"), List.of()))
        .containsExactly(p + "invalid namespace \"app.prod\": must not contain dots");
    assertThat(NamespaceFilter.validate(List.of("a".repeat(64)), List.of()))
        .containsExactly(
            p + "invalid namespace \"" + "a".repeat(64) + "\": must be no more than 63 characters");
    assertThat(NamespaceFilter.validate(List.of("-*"), List.of()))
        .containsExactly(p + "invalid namespace \"-*\": " + LABEL_MSG);
    assertThat(NamespaceFilter.validate(List.of("*-app", "[a-c]x", ""), List.of())).isEmpty();
  }
}
