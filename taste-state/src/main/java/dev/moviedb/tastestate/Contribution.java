package dev.moviedb.tastestate;

/** How much one signal moves the taste state, and on which side; the weight is never negative. */
public record Contribution(Side side, double weight) {

  public Contribution {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be a finite number >= 0, got " + weight);
    }
  }
}
