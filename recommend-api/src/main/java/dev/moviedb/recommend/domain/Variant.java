package dev.moviedb.recommend.domain;

import java.util.regex.Pattern;

/**
 * One ranking variant of an experiment: its name, its share of the users (a weight relative to the
 * other variants) and the knobs it sets; a knob left null keeps the configured default.
 */
public record Variant(
    String name,
    int weight,
    Double alpha,
    Double diversity,
    Double collaborative,
    Double popularity) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  public Variant {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "variant name '"
              + name
              + "' must be 1 to 40 lower-case letters, digits, '-' or '_' (starting with a letter"
              + " or digit)");
    }
    if (weight < 0) {
      throw new IllegalArgumentException("variant " + name + ": weight must be >= 0");
    }
    unit(name, "alpha", alpha);
    unit(name, "diversity", diversity);
    unit(name, "collaborative", collaborative);
    unit(name, "popularity", popularity);
  }

  /** A variant that changes nothing: the configured defaults. */
  public static Variant defaults(String name) {
    return new Variant(name, 1, null, null, null, null);
  }

  private static void unit(String variant, String knob, Double value) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "variant " + variant + ": " + knob + " must be between 0 and 1, not " + value);
    }
  }
}
