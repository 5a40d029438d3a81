package io.stowage.testkit.csi;

/**
 * A byte count as Kubernetes prints a {@code BinarySI} quantity made from an integer: below 1024
 * the plain number, otherwise the number divided by the largest power of 1024 that divides it
 * exactly, with its suffix ({@code 1Gi}, {@code 1536}, {@code 3Ki}).
 */
final class BinarySize {
  private static final String[] SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private BinarySize() {}

  static String format(long bytes) {
    if (bytes > -1024 && bytes < 1024) {
      return Long.toString(bytes);
    }
    long value = bytes;
    int exponent = 0;
    while (value % 1024 == 0 && exponent < SUFFIXES.length - 1) {
      value /= 1024;
      exponent++;
    }
    return value + SUFFIXES[exponent];
  }
}
