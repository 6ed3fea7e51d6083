package dev.moviedb.recommend.application;

import dev.moviedb.ranking.CalibrationSamples;
import dev.moviedb.ranking.NothingToRankException;
import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.Ranking;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.StoreTitles;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.recommend.application.port.ServingIndex.Serving;
import dev.moviedb.recommend.application.port.TasteStore;
import dev.moviedb.vectors.store.TitleFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Use case: rank titles for a request's words, a user's taste, a title ("more like this"), or a
 * combination. Orchestration only: it embeds the words, reads the taste, and hands both with the
 * served index to the ranking module ({@link Ranker}), where every ranking rule lives.
 */
@ApplicationScoped
public class RecommendTitles {

  private final ServingIndex serving;
  private final TasteStore tastes;
  private final Ranker ranker;
  private final CalibrationSamples samples;
  private final KnownValues known = new KnownValues();

  public RecommendTitles(ServingIndex serving, TasteStore tastes, Ranker ranker) {
    this.serving = serving;
    this.tastes = tastes;
    this.ranker = ranker;
    this.samples =
        new CalibrationSamples(ranker.settings().calibrationSample(), ThreadLocalRandom::current);
  }

  /** A validated request: the words (or null), the user (or null), a title (or null), the page. */
  public record Request(
      String query,
      String userId,
      String similarTo,
      int limit,
      int offset,
      TitleFilter filter,
      Double alpha,
      Double diversity) {}

  /** The ranking and the model that served it. */
  public record Result(Ranking ranking, String model) {}

  /**
   * @throws KnownValues.UnknownValueException when a filter names a value the catalogue lacks
   */
  public Result recommend(Request request) {
    Serving now = serving.current();
    known.check(now.store(), request.filter());
    long t0 = System.nanoTime();
    float[] queryVector =
        request.similarTo() == null && request.query() != null && !request.query().isBlank()
            ? now.embedder().embedQuery(request.query())
            : null;
    double embedMillis = (System.nanoTime() - t0) / 1e6;
    TasteWeights taste =
        request.userId() == null
            ? TasteWeights.NONE
            : tastes.find(request.userId()).orElse(TasteWeights.NONE);
    RankingRequest ranking =
        new RankingRequest(
            queryVector,
            request.query(),
            request.similarTo(),
            taste,
            request.limit(),
            request.offset(),
            request.alpha(),
            request.diversity());
    try {
      Ranking result =
          ranker.rank(ranking, new StoreTitles(now.store(), request.filter(), samples));
      return new Result(result.after("queryEmbedding", embedMillis), now.embedder().modelId());
    } catch (NothingToRankException e) {
      throw new NothingToRankException(
          request.userId() == null
              ? "q is required when no userId is given"
              : "user "
                  + request.userId()
                  + " has no viewing history yet: give q, or upload a Netflix history first");
    }
  }
}
