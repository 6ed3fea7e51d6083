package dev.moviedb.tastestate;

/** Which sum of the taste state a signal adds to. */
public enum Side {
  POS,
  NEG;

  /** The name used in the Redis state ({@code pos}, {@code neg}). */
  public String key() {
    return this == POS ? "pos" : "neg";
  }
}
