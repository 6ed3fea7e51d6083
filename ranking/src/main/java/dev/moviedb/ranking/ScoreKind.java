package dev.moviedb.ranking;

/** The scores a candidate title can carry; each is calibrated before the scores are fused. */
public enum ScoreKind {
  /** Cosine of the title to the request (the words, or the title of "more like this"). */
  QUERY,
  /** Cosine of the title to the user's taste vector. */
  TASTE
}
