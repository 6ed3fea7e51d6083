package dev.moviedb.ranking;

/** The scores a candidate title can carry; each is calibrated before the scores are fused. */
public enum ScoreKind {
  /** Cosine of the title to the request (the words, or the title of "more like this"). */
  QUERY,
  /** Cosine of the title to the user's taste vector. */
  TASTE,
  /**
   * Co-watch: how strongly people who watched the user's liked titles also watched this one (the
   * liked titles' weights times their co-watch similarity to it, averaged).
   */
  COLLABORATIVE,
  /** Popularity: log(1 + distinct viewers) in the request's scope. */
  POPULARITY
}
