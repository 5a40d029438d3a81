package io.stowage.core.archive;

import java.util.Comparator;

/**
 * Orders strings as Go orders them: by the bytes of their UTF-8 encoding, which is the order of
 * their Unicode code points (not of their UTF-16 units, which {@link String#compareTo} uses and
 * which puts U+E000..U+FFFF after supplementary characters). A lone surrogate counts as U+FFFD, the
 * character Go's decoder would have put in its place.
 */
final class CodePointOrder implements Comparator<String> {
  static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (x == y && !Character.isSurrogate(x)) {
        i++;
        j++;
        continue;
      }
      int cx = scalarAt(a, i);
      int cy = scalarAt(b, j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += width(a, i);
      j += width(b, j);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** The code point at {@code index}, or U+FFFD for a lone surrogate. */
  static int scalarAt(String s, int index) {
    char c = s.charAt(index);
    if (!Character.isSurrogate(c)) {
      return c;
    }
    if (Character.isHighSurrogate(c)
        && index + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(index + 1))) {
      return Character.toCodePoint(c, s.charAt(index + 1));
    }
    return 0xFFFD;
  }

  /** How many chars the code point at {@code index} takes: 2 for a valid pair, else 1. */
  static int width(String s, int index) {
    char c = s.charAt(index);
    return Character.isHighSurrogate(c)
            && index + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(index + 1))
        ? 2
        : 1;
  }
}
