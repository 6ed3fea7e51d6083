package dev.moviedb.ranking;

/**
 * One request to rank: the request's vector (the embedded words, or null), the title it is like (or
 * null), the user's taste (or {@link TasteWeights#NONE}), the page, and per-request overrides of
 * the settings (null = the default).
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
    Double alpha,
    Double diversity) {

  public RankingRequest {
    taste = taste == null ? TasteWeights.NONE : taste;
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    if (alpha != null) {
      Fusion.unit("alpha", alpha);
    }
    if (diversity != null) {
      Fusion.unit("diversity", diversity);
    }
  }

  /** A request for the words' vector alone. */
  public static RankingRequest forQuery(float[] queryVector, String query, int limit) {
    return new RankingRequest(queryVector, query, null, null, limit, 0, null, null);
  }
}
