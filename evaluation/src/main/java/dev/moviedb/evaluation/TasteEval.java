package dev.moviedb.evaluation;

import dev.moviedb.evaluation.MovieLens.Rating;
import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.tastestate.SignalWeights;
import dev.moviedb.vectors.store.TitleFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Taste -> title on MovieLens ({@link HeldOut} protocol): each user's training ratings become the
 * taste state the taste service keeps (weights through its own {@link SignalWeights}), and the
 * shipped ranking (recommend-api's ranking module and vector store, at its defaults unless a row
 * says otherwise) ranks the catalogue for it, training titles dropped as watched.
 */
public final class TasteEval {

  public static final int MIN_RATINGS = HeldOut.MIN_RATINGS;
  public static final double NEGATIVE_SHARE = RankingSettings.DEFAULTS.negativeShare();

  /** Negative shares swept; {@link #NEGATIVE_SHARE} is recommend-api's current default. */
  public static final double[] NEGATIVE_SHARES = {0, 0.25, 0.5, 1.0};

  public static final double[] DIVERSITIES = {0, 0.3, 0.5};
  static final int K = 10;
  static final int DEPTH = 100;

  /** hit@10 and nDCG@10 of held-out liked titles for one method. */
  public record TasteScore(String method, int users, double hit10, double ndcg10) {}

  /** One MMR setting: accuracy beside intra-list similarity and catalogue coverage of top 10s. */
  public record DiversityScore(
      String model,
      String method,
      int users,
      double hit10,
      double ndcg10,
      double intraListSimilarity,
      double coverage) {}

  /** The taste ranking of one model at one negative share, user by user. */
  record ShareScore(String model, double share, CaseMetrics metrics) {}

  /** The shipped ranking at one share of co-watch and one popularity weight, user by user. */
  record CollectiveScore(
      String model, double collaborative, double popularity, CaseMetrics metrics) {}

  public record Result(
      int linkedRatings,
      int ratedUsers,
      int eligibleUsers,
      int evaluatedUsers,
      int skippedNoHeldOutLike,
      int usersWithDislike,
      List<TasteScore> taste,
      List<DiversityScore> diversity,
      List<ShareScore> negativeShares,
      List<CollectiveScore> collective,
      CaseMetrics popularityBaseline) {}

  private final Catalogue catalogue;
  private final List<ModelRun> models;

  public TasteEval(Catalogue catalogue, List<ModelRun> models) {
    this.catalogue = catalogue;
    this.models = models;
  }

  public Result evaluate(List<Rating> allRatings, int maxUsers) {
    return evaluate(HeldOut.of(catalogue, allRatings, maxUsers));
  }

  Result evaluate(HeldOut.Protocol protocol) {
    double[] popularity = protocol.popularity();
    Map<String, Acc> acc = new LinkedHashMap<>();
    Map<String, Acc> div = new LinkedHashMap<>();
    Map<String, ShareScore> shares = new LinkedHashMap<>();
    Map<String, CollectiveScore> collective = new LinkedHashMap<>();
    CaseMetrics popularityBaseline = new CaseMetrics();
    Map<Double, Ranker> shareRankers = new LinkedHashMap<>();
    for (double share : NEGATIVE_SHARES) {
      shareRankers.put(share, new Ranker(RankingSettings.DEFAULTS.withNegativeShare(share)));
    }
    int withDislike = 0;
    for (HeldOut.User s : protocol.users()) {
      Set<Integer> train = s.trainTitles();
      Set<Integer> liked = new HashSet<>(s.liked());
      withDislike += s.hasDislike() ? 1 : 0;
      IntPredicate allowed = i -> !train.contains(i);
      List<Integer> pop = Rankings.top(popularity, K, allowed);
      List<Integer> rnd = Rankings.random(catalogue.size(), K, allowed, s.userId());
      acc.computeIfAbsent("random (broken on purpose)", x -> new Acc()).add(rnd, liked);
      acc.computeIfAbsent("popularity (training ratings)", x -> new Acc()).add(pop, liked);
      popularityBaseline.add(pop, liked, K);
      String genre = topGenre(liked);
      for (ModelRun m : models) {
        ShippedIndex index = m.index();
        for (var share : shareRankers.entrySet()) {
          shares
              .computeIfAbsent(
                  m.modelId() + "|" + share.getKey(),
                  x -> new ShareScore(m.modelId(), share.getKey(), new CaseMetrics()))
              .metrics()
              .add(index.rank(share.getValue(), taste(s, DEPTH, TASTE_ALONE), NONE), liked, DEPTH);
        }
        acc.computeIfAbsent(
                "shipped ranking (taste, co-watch, popularity) " + m.modelId(), x -> new Acc())
            .add(
                index.rank(ShippedIndex.SHIPPED, taste(s, K, RankingRequest.Knobs.DEFAULTS), NONE),
                liked);
        acc.computeIfAbsent("taste alone " + m.modelId(), x -> new Acc())
            .add(index.rank(ShippedIndex.SHIPPED, taste(s, K, TASTE_ALONE), NONE), liked);
        acc.computeIfAbsent("co-watch alone " + m.modelId(), x -> new Acc())
            .add(index.rank(ShippedIndex.SHIPPED, taste(s, K, CO_WATCH_ALONE), NONE), liked);
        for (double c : COLLABORATIVE_SWEEP) {
          for (double p : POPULARITY_SWEEP) {
            collective
                .computeIfAbsent(
                    m.modelId() + "|" + c + "|" + p,
                    x -> new CollectiveScore(m.modelId(), c, p, new CaseMetrics()))
                .metrics()
                .add(
                    index.rank(
                        ShippedIndex.SHIPPED,
                        taste(s, K, new RankingRequest.Knobs(null, null, c, p)),
                        NONE),
                    liked,
                    K);
          }
        }
        if (genre != null) {
          String request = "a " + genre;
          float[] q = m.embedder().embedQuery(request);
          acc.computeIfAbsent("genre request only " + m.modelId(), x -> new Acc())
              .add(
                  index.rank(
                      ShippedIndex.SHIPPED,
                      new RankingRequest(
                          q, request, null, unwatched(s), K, 0, RankingRequest.Knobs.DEFAULTS),
                      NONE),
                  liked);
          acc.computeIfAbsent("taste + genre request " + m.modelId(), x -> new Acc())
              .add(
                  index.rank(
                      ShippedIndex.SHIPPED,
                      new RankingRequest(
                          q, request, null, s.taste(), K, 0, RankingRequest.Knobs.DEFAULTS),
                      NONE),
                  liked);
        }
        for (double d : DIVERSITIES) {
          div.computeIfAbsent(m.modelId() + "|taste, diversity " + d, x -> new Acc())
              .add(
                  index.rank(
                      ShippedIndex.SHIPPED, taste(s, K, RankingRequest.Knobs.diversity(d)), NONE),
                  liked,
                  index.vectors());
        }
        div.computeIfAbsent(m.modelId() + "|popularity", x -> new Acc())
            .add(pop, liked, index.vectors());
        div.computeIfAbsent(m.modelId() + "|random", x -> new Acc())
            .add(rnd, liked, index.vectors());
      }
    }

    List<TasteScore> taste = new ArrayList<>();
    acc.forEach((k, a) -> taste.add(new TasteScore(k, a.users(), a.hit(), a.ndcg())));
    List<DiversityScore> diversity = new ArrayList<>();
    div.forEach(
        (k, a) -> {
          String[] parts = k.split("\\|", 2);
          diversity.add(
              new DiversityScore(
                  parts[0],
                  parts[1],
                  a.users(),
                  a.hit(),
                  a.ndcg(),
                  a.ils(),
                  a.distinct.size() / (double) catalogue.size()));
        });
    return new Result(
        protocol.linkedRatings(),
        protocol.ratedUsers(),
        protocol.eligibleUsers(),
        protocol.users().size(),
        protocol.skippedNoHeldOutLike(),
        withDislike,
        taste,
        diversity,
        List.copyOf(shares.values()),
        List.copyOf(collective.values()),
        popularityBaseline);
  }

  private static final TitleFilter NONE = TitleFilter.NONE;

  /** A request of the user's training ratings alone (their titles never come back). */
  static RankingRequest taste(HeldOut.User user, int limit, RankingRequest.Knobs knobs) {
    return new RankingRequest(null, null, null, user.taste(), limit, 0, knobs);
  }

  /** The taste vector alone: no co-watch, no popularity prior. */
  static final RankingRequest.Knobs TASTE_ALONE = new RankingRequest.Knobs(null, null, 0.0, 0.0);

  /** Co-watch alone: the user's part all co-watch, no popularity prior. */
  static final RankingRequest.Knobs CO_WATCH_ALONE = new RankingRequest.Knobs(null, null, 1.0, 0.0);

  /** The shares of co-watch and the popularity weights swept. */
  static final double[] COLLABORATIVE_SWEEP = {0, 0.25, 0.5, 0.75, 1.0};

  static final double[] POPULARITY_SWEEP = {0, 0.1, 0.2, 0.3, 0.5};

  /** No taste, but the training titles still count as watched (the popularity baseline's rule). */
  static TasteWeights unwatched(HeldOut.User user) {
    return new TasteWeights(Map.of(), Map.of(), user.taste().watched());
  }

  /** The genre most held-out liked titles carry (alphabetical on ties); null if none has one. */
  private String topGenre(Set<Integer> liked) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i : liked) {
      catalogue.title(i).genres().forEach(g -> counts.merge(g, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(
                    Map.Entry.<String, Integer>comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static final class Acc {
    private final List<Double> hit = new ArrayList<>();
    private final List<Double> ndcg = new ArrayList<>();
    private final List<Double> ils = new ArrayList<>();
    private final Set<Integer> distinct = new HashSet<>();

    void add(List<Integer> list, Set<Integer> liked) {
      hit.add(Metrics.hitAt(list, liked, K));
      ndcg.add(Metrics.ndcgAt(list, liked, K));
    }

    void add(List<Integer> list, Set<Integer> liked, DenseIndex index) {
      add(list, liked);
      ils.add(ListSimilarity.intraList(list, index));
      distinct.addAll(list);
    }

    int users() {
      return hit.size();
    }

    double hit() {
      return Metrics.mean(hit);
    }

    double ndcg() {
      return Metrics.mean(ndcg);
    }

    double ils() {
      return Metrics.mean(ils);
    }
  }
}
