package dev.moviedb.taste.domain;

/**
 * Rows read but deliberately not turned into events.
 *
 * @param trailers rows with a supplemental video type (hooks, trailers, recaps)
 * @param autoplay sessions shorter than the autoplay threshold
 * @param cleared ratings whose thumbs value is 0 (cleared)
 * @param neutral star ratings of 3, neither liked nor disliked
 */
public record Skipped(long trailers, long autoplay, long cleared, long neutral) {

  public static final Skipped NONE = new Skipped(0, 0, 0, 0);

  public Skipped plus(Skipped other) {
    return new Skipped(
        trailers + other.trailers,
        autoplay + other.autoplay,
        cleared + other.cleared,
        neutral + other.neutral);
  }
}
