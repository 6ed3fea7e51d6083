package dev.moviedb.recommend.domain;

/**
 * What people did with the titles one variant showed them: the counts, and the rates derived from
 * them with a 95 % Wilson score interval (so that a variant shown to few people is not read as
 * better or worse than it is).
 */
public record Acceptance(long impressions, long clicks, long likes, long dislikes) {

  /** z for a two-sided 95 % interval. */
  private static final double Z = 1.959964;

  public Acceptance {
    if (impressions < 0 || clicks < 0 || likes < 0 || dislikes < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  public static final Acceptance NONE = new Acceptance(0, 0, 0, 0);

  /** A share with its 95 % interval; null value when nothing was shown. */
  public record Rate(Double value, Double low, Double high) {}

  /** Clicks per impression. */
  public Rate clickThrough() {
    return rate(clicks, impressions);
  }

  /** Likes per impression. */
  public Rate likeRate() {
    return rate(likes, impressions);
  }

  /** Dislikes per impression. */
  public Rate dislikeRate() {
    return rate(dislikes, impressions);
  }

  /**
   * Successes over trials with the Wilson score interval. Clicks and likes can exceed impressions
   * when feedback arrives without its impression (an API client); the share is then capped at 1.
   */
  static Rate rate(long successes, long trials) {
    if (trials == 0) {
      return new Rate(null, null, null);
    }
    double n = trials;
    double p = Math.min(1.0, successes / n);
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new Rate(round(p), round(Math.max(0, centre - half)), round(Math.min(1, centre + half)));
  }

  private static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }
}
