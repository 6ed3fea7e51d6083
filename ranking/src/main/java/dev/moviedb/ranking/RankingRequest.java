package dev.moviedb.ranking;

/**
 * One request to rank: the request's vector (the embedded words, or null), the title it is like (or
 * null), the user's taste (or {@link TasteWeights#NONE}), the page, and per-request overrides of
 * the settings ({@link Knobs}).
 *
 * @param queryVector the request's vector ({@link QueryVector}); null without words or anchor
 * @param query the request's words, for the explanations (null without)
 * @param similarTo a title the answer is like: it and its franchise are left out, and without a
 *     query vector its own vector is the request ("more like this")
 */
public record RankingRequest(
    float[] queryVector,
    String query,
    String similarTo,
    TasteWeights taste,
    int limit,
    int offset,
    Knobs knobs) {

  /** Per-request values of the fusion and diversity settings; null = the setting's default. */
  public record Knobs(Double alpha, Double diversity, Double collaborative, Double popularity) {

    public static final Knobs DEFAULTS = new Knobs(null, null, null, null);

    public Knobs {
      check("alpha", alpha);
      check("diversity", diversity);
      check("collaborative", collaborative);
      check("popularity", popularity);
    }

    private static void check(String name, Double value) {
      if (value != null) {
        Fusion.unit(name, value);
      }
    }

    public static Knobs diversity(double diversity) {
      return new Knobs(null, diversity, null, null);
    }

    double alpha(RankingSettings s) {
      return alpha != null ? alpha : s.alpha();
    }

    double diversity(RankingSettings s) {
      return diversity != null ? diversity : s.diversity();
    }

    double collaborative(RankingSettings s) {
      return collaborative != null ? collaborative : s.collaborative();
    }

    double popularity(RankingSettings s) {
      return popularity != null ? popularity : s.popularity();
    }
  }

  public RankingRequest {
    taste = taste == null ? TasteWeights.NONE : taste;
    knobs = knobs == null ? Knobs.DEFAULTS : knobs;
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
  }

  /** A request for the words' vector alone. */
  public static RankingRequest forQuery(float[] queryVector, String query, int limit) {
    return new RankingRequest(queryVector, query, null, null, limit, 0, Knobs.DEFAULTS);
  }
}
