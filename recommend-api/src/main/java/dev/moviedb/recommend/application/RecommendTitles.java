package dev.moviedb.recommend.application;

import dev.moviedb.events.Availability;
import dev.moviedb.ranking.CalibrationSamples;
import dev.moviedb.ranking.Collective;
import dev.moviedb.ranking.NothingToRankException;
import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.Ranking;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.StoreTitles;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.recommend.application.port.CollectiveSignals;
import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.recommend.application.port.ServingIndex.Serving;
import dev.moviedb.recommend.application.port.TasteStore;
import dev.moviedb.understanding.RequestPlan;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Use case: rank titles for a request in plain words, a user's taste, a title ("more like this"), a
 * combination, or nothing at all (what is trending where the user watches). Orchestration only: the
 * words become filters and a request vector through the understanding module ({@link RequestPlan}),
 * the taste is read, and both go with the served index and what everyone watches (the collective
 * signals of the request's service and country) to the ranking module ({@link Ranker}), where every
 * ranking rule lives.
 */
@ApplicationScoped
public class RecommendTitles {

  private final ServingIndex serving;
  private final TasteStore tastes;
  private final CollectiveSignals signals;
  private final Ranker ranker;
  private final CalibrationSamples samples;
  private final ServedCatalogue catalogue = new ServedCatalogue();

  public RecommendTitles(
      ServingIndex serving, TasteStore tastes, CollectiveSignals signals, Ranker ranker) {
    this.serving = serving;
    this.tastes = tastes;
    this.signals = signals;
    this.ranker = ranker;
    this.samples =
        new CalibrationSamples(ranker.settings().calibrationSample(), ThreadLocalRandom::current);
  }

  /**
   * A validated request: the words (or null), the user (or null), a title (or null), the page, the
   * filters of the explicit parameters (they win over what the words say), and the knobs.
   */
  public record Request(
      String query,
      String userId,
      String similarTo,
      int limit,
      int offset,
      TitleFilter filter,
      RankingRequest.Knobs knobs) {}

  /**
   * The ranking, the model that served it, and how the words were read: {@code understood} is null
   * without words; {@code like} is the catalogue title of "like X" when X named one.
   */
  public record Result(
      Ranking ranking, String model, Map<String, Object> understood, StoredTitle like) {}

  /**
   * @throws ServedCatalogue.UnknownValueException when a filter names a value the catalogue lacks
   */
  public Result recommend(Request request) {
    Serving now = serving.current();
    ServedCatalogue.Facts facts = catalogue.of(now.store());
    facts.check(request.filter());
    long t0 = System.nanoTime();
    TitleFilter filter = request.filter();
    float[] queryVector = null;
    String similarTo = request.similarTo() == null ? null : facts.indexed(request.similarTo());
    RequestPlan plan = null;
    if (similarTo == null && request.query() != null && !request.query().isBlank()) {
      plan = RequestPlan.of(request.query(), facts.reader(), filter, now.embedder(), facts.names());
      filter = plan.filter();
      queryVector = plan.queryVector();
      similarTo = plan.like() == null ? null : plan.like().titleId();
    }
    double understandMillis = (System.nanoTime() - t0) / 1e6;
    TasteWeights taste =
        request.userId() == null
            ? TasteWeights.NONE
            : tastes.find(request.userId()).orElse(TasteWeights.NONE);
    RankingRequest ranking =
        new RankingRequest(
            queryVector,
            request.query(),
            similarTo,
            taste,
            request.limit(),
            request.offset(),
            request.knobs());
    try {
      Ranking result =
          ranker
              .rank(ranking, new StoreTitles(now.store(), filter, samples), where(filter))
              .after("understandingAndEmbedding", understandMillis);
      return new Result(
          result,
          now.embedder().modelId(),
          plan == null ? null : plan.understood().summary(),
          plan == null ? null : plan.like());
    } catch (NothingToRankException e) {
      throw new NothingToRankException(
          request.userId() == null
              ? "nothing to rank: give q (nothing is trending yet to fall back on)"
              : "user "
                  + request.userId()
                  + " has no viewing history yet: give q, or upload a Netflix history first");
    }
  }

  /**
   * What everyone watches where the user watches: one service in a country; several services (the
   * signals are kept per service) fall back to everyone's.
   */
  private Collective where(TitleFilter filter) {
    String service = filter.singleService();
    return service == null ? signals.in(null, null) : signals.in(service, filter.country());
  }

  /** Which end of an availability window a listing follows. */
  public enum Window {
    /** The window ends soon: earliest end first. */
    LEAVING,
    /** The window began lately: latest start first. */
    NEW
  }

  /** One title of a listing and its availability on the listing's service and country. */
  public record Listed(StoredTitle title, Availability window) {}

  /** A page of a listing and how many titles the whole listing holds. */
  public record Listing(List<Listed> items, int total) {}

  /**
   * The titles of the served index that pass the filter (a service and a country, and their leaving
   * or new window), in the window's order; the title and its id break ties.
   *
   * @throws ServedCatalogue.UnknownValueException when the filter names a value the catalogue lacks
   */
  public Listing listing(Window window, TitleFilter filter, int limit, int offset) {
    Serving now = serving.current();
    catalogue.of(now.store()).check(filter);
    List<Listed> found = new ArrayList<>();
    now.store()
        .forEach(
            (StoredTitle t) -> {
              if (filter.accepts(t)) {
                filter.services().stream()
                    .flatMap(v -> t.availabilityOn(v, filter.country(), filter.day()).stream())
                    .findFirst()
                    .ifPresent(a -> found.add(new Listed(t, a)));
              }
            });
    Comparator<Listed> order =
        window == Window.LEAVING
            ? Comparator.comparing((Listed l) -> l.window().until())
            : Comparator.comparing((Listed l) -> l.window().from()).reversed();
    found.sort(
        order
            .thenComparing(l -> l.title().title(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(l -> l.title().titleId()));
    return new Listing(found.stream().skip(offset).limit(limit).toList(), found.size());
  }
}
