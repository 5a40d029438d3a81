package io.stowage.core.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Velero's checks of namespace include/exclude entries: the wildcard syntax Velero accepts in
 * namespace patterns, and the Kubernetes namespace-name rule applied after replacing {@code * ? [
 * ]} with {@code x}. Messages are Velero's and Kubernetes' texts.
 */
final class NamespaceNames {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String DNS1123_LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

  private NamespaceNames() {}

  /** Whether the entry has a character that makes Velero expand it ({@code * ? [}). */
  static boolean hasWildcard(String entry) {
    return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0;
  }

  /**
   * Velero's {@code wildcard.ValidateNamespaceName}: the pattern syntax accepted in namespace
   * entries. Empty when valid.
   */
  static Optional<String> wildcardError(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if ("|()!{},".indexOf(pattern.charAt(i)) >= 0) {
        return Optional.of("wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,");
      }
    }
    if (pattern.contains("**")) {
      return Optional.of("wildcard pattern contains consecutive asterisks (only single * allowed)");
    }
    return bracketError(pattern);
  }

  private static Optional<String> bracketError(String p) {
    int depth = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '[') {
        int start = i;
        depth++;
        for (int j = i + 1; j < p.length() && depth > 0; j++) {
          if (p.charAt(j) == ']') {
            depth--;
            if (depth == 0) {
              if (j == start + 1) {
                return Optional.of("wildcard pattern contains empty bracket pattern '[]'");
              }
              i = j;
              break;
            }
          }
        }
        if (depth > 0) {
          return Optional.of("wildcard pattern contains unclosed bracket '['");
        }
      } else if (c == ']') {
        return Optional.of("wildcard pattern contains unmatched closing bracket ']'");
      }
    }
    return Optional.empty();
  }

  /**
   * Velero's {@code validateNamespaceName}: {@code ""} is allowed; otherwise the wildcard syntax
   * check, then the Kubernetes namespace-name rule on the entry with {@code * ? [ ]} replaced by
   * {@code x}, each failure as {@code invalid namespace "<ns>": <msg>}.
   */
  static List<String> validate(String ns) {
    if (ns.isEmpty()) {
      return List.of();
    }
    Optional<String> wildcard = wildcardError(ns);
    if (wildcard.isPresent()) {
      return List.of(wildcard.get());
    }
    String tmp = ns.replace('*', 'x').replace('?', 'x').replace('[', 'x').replace(']', 'x');
    List<String> errors = new ArrayList<>();
    for (String msg : dns1123LabelErrors(tmp)) {
      errors.add("invalid namespace " + goQuote(ns) + ": " + msg);
    }
    return errors;
  }

  /** Kubernetes' {@code IsDNS1123Label} messages. */
  static List<String> dns1123LabelErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (value.getBytes(StandardCharsets.UTF_8).length > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        errors.add("must not contain dots");
      } else {
        errors.add(DNS1123_LABEL_MESSAGE);
      }
    }
    return errors;
  }

  /** Go's {@code %q} for the strings that occur here. */
  static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}
