package io.catscores.common;

/**
 * Checks a configuration record makes in its constructor: a missing or out-of-range value stops
 * start-up with a message naming the setting, as an operator sets it (SettingTest). The api checks
 * its settings this way rather than with Bean Validation, whose ~780 classes cost it ~7 MiB of
 * resident memory (doc/benchmarks.md, "Speed at scale").
 */
public final class Setting {

  private Setting() {}

  /** The value; fails when it is missing (an empty environment variable binds as null). */
  public static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    return value;
  }

  public static long atLeast(String name, long value, long minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
    }
    return value;
  }

  public static double atLeast(String name, double value, double minimum) {
    if (!(value >= minimum)) { // NaN too
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
    }
    return value;
  }
}
