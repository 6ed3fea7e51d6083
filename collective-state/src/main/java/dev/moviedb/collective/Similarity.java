package dev.moviedb.collective;

/**
 * How a co-watch count becomes a neighbour score. {@code c} users have both titles (within their
 * pair reach), {@code ni} and {@code nj} users have each, {@code users} users have any.
 * docs/SIGNALS.md measures them on MovieLens; {@link #COSINE} is the default.
 */
public enum Similarity {
  /** The raw count: favours what everybody watches. */
  COUNT {
    @Override
    public double score(long c, long ni, long nj, long users) {
      return c;
    }
  },
  /** c / sqrt(ni nj): binary cosine of the two titles' user sets. */
  COSINE {
    @Override
    public double score(long c, long ni, long nj, long users) {
      return c / Math.sqrt((double) ni * nj);
    }
  },
  /** c / (ni + nj - c). */
  JACCARD {
    @Override
    public double score(long c, long ni, long nj, long users) {
      return c / (double) (ni + nj - c);
    }
  },
  /** log(c users / (ni nj)): how much more often than chance; favours rare titles. */
  PMI {
    @Override
    public double score(long c, long ni, long nj, long users) {
      return Math.log((double) c * users / ((double) ni * nj));
    }
  };

  public abstract double score(long c, long ni, long nj, long users);

  /** The similarity named (any case), e.g. {@code cosine}. */
  public static Similarity parse(String name) {
    for (Similarity s : values()) {
      if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "similarity '" + name + "' is not one of count, cosine, jaccard, pmi");
  }
}
