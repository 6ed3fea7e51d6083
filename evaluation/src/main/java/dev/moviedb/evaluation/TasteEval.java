package dev.moviedb.evaluation;

import dev.moviedb.evaluation.MovieLens.Rating;
import dev.moviedb.taste.domain.TasteMath;
import dev.moviedb.taste.domain.TitleWeight;
import dev.moviedb.tastestate.SignalWeights;
import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Taste -> title on MovieLens ({@link HeldOut} protocol): the taste vector is built from each
 * user's training ratings with the taste service's own {@link SignalWeights} and {@link TasteMath},
 * and the catalogue (minus the training titles) is ranked by cosine to it; once at recommend-api's
 * negative share and once per swept share.
 */
public final class TasteEval {

  public static final int MIN_RATINGS = HeldOut.MIN_RATINGS;
  public static final double NEGATIVE_SHARE = 0.5;

  /** Negative shares swept; {@link #NEGATIVE_SHARE} is recommend-api's current default. */
  public static final double[] NEGATIVE_SHARES = {0, 0.25, 0.5, 1.0};

  public static final double ALPHA = 0.5;
  public static final double[] DIVERSITIES = {0, 0.3, 0.5};
  static final int K = 10;
  static final int MMR_CANDIDATES = 100;
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

  public record Result(
      int linkedRatings,
      int ratedUsers,
      int eligibleUsers,
      int evaluatedUsers,
      int skippedNoHeldOutLike,
      int usersWithDislike,
      List<TasteScore> taste,
      List<DiversityScore> diversity,
      List<ShareScore> negativeShares) {}

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
    Map<String, float[]> genreQueries = new HashMap<>();
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
      String genre = topGenre(liked);
      for (ModelRun m : models) {
        DenseIndex index = m.index();
        List<TitleWeight> weights = HeldOut.weights(catalogue, s.train(), index);
        for (double share : NEGATIVE_SHARES) {
          double[] t = TasteMath.taste(weights, share);
          double[] scores =
              t == null ? new double[catalogue.size()] : index.scores(Vectors.normalize(t));
          shares
              .computeIfAbsent(
                  m.modelId() + "|" + share,
                  x -> new ShareScore(m.modelId(), share, new CaseMetrics()))
              .metrics()
              .add(Rankings.top(scores, DEPTH, allowed), liked, DEPTH);
        }
        double[] taste = TasteMath.taste(weights, NEGATIVE_SHARE);
        double[] tasteScores =
            taste == null ? new double[catalogue.size()] : index.scores(Vectors.normalize(taste));
        acc.computeIfAbsent("taste " + m.modelId(), x -> new Acc())
            .add(Rankings.top(tasteScores, K, allowed), liked);
        if (genre != null) {
          float[] q =
              genreQueries.computeIfAbsent(
                  m.modelId() + "|" + genre, x -> m.embedder().embedQuery("a " + genre));
          double[] zq = Rankings.zScores(index.scores(q));
          double[] zt = Rankings.zScores(tasteScores);
          double[] fused = new double[zq.length];
          for (int i = 0; i < fused.length; i++) {
            fused[i] = ALPHA * zq[i] + (1 - ALPHA) * zt[i];
          }
          acc.computeIfAbsent("genre request only " + m.modelId(), x -> new Acc())
              .add(Rankings.top(zq, K, allowed), liked);
          acc.computeIfAbsent("taste + genre request " + m.modelId(), x -> new Acc())
              .add(Rankings.top(fused, K, allowed), liked);
        }
        List<Integer> candidates = Rankings.top(tasteScores, MMR_CANDIDATES, allowed);
        for (double d : DIVERSITIES) {
          // recommend-api's MMR (the mirror in Fusion): relevance min-max normalised over the pool.
          List<Integer> list =
              d <= 0
                  ? candidates.subList(0, Math.min(K, candidates.size()))
                  : Fusion.mmr(candidates, K, 1 - d, tasteScores, index);
          div.computeIfAbsent(m.modelId() + "|taste MMR diversity " + d, x -> new Acc())
              .add(list, liked, index);
        }
        div.computeIfAbsent(m.modelId() + "|popularity", x -> new Acc()).add(pop, liked, index);
        div.computeIfAbsent(m.modelId() + "|random", x -> new Acc()).add(rnd, liked, index);
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
        List.copyOf(shares.values()));
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
      ils.add(Mmr.intraListSimilarity(list, index));
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
