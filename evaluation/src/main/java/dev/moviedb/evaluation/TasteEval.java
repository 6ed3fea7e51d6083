package dev.moviedb.evaluation;

import dev.moviedb.evaluation.MovieLens.Rating;
import dev.moviedb.events.Signal;
import dev.moviedb.taste.domain.Contribution;
import dev.moviedb.taste.domain.Side;
import dev.moviedb.taste.domain.SignalWeights;
import dev.moviedb.taste.domain.TasteMath;
import dev.moviedb.taste.domain.TitleWeight;
import dev.moviedb.vectors.Vectors;
import java.time.Instant;
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
 * Taste -> title on MovieLens: per user the newest 20 % of linked ratings are held out, the taste
 * vector is built from the rest with the taste service's own {@link SignalWeights} and {@link
 * TasteMath}, and the catalogue (minus the training titles) is ranked by cosine to it.
 */
public final class TasteEval {

  public static final int MIN_RATINGS = 10;
  public static final double HOLD_OUT = 0.2;
  public static final double NEGATIVE_SHARE = 0.5;
  public static final double ALPHA = 0.5;
  public static final double[] DIVERSITIES = {0, 0.3, 0.5};
  static final int K = 10;
  static final int MMR_CANDIDATES = 100;

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

  public record Result(
      int linkedRatings,
      int ratedUsers,
      int eligibleUsers,
      int evaluatedUsers,
      int skippedNoHeldOutLike,
      List<TasteScore> taste,
      List<DiversityScore> diversity) {}

  private record Split(int userId, List<Rating> train, List<Rating> test) {}

  private final Catalogue catalogue;
  private final List<ModelRun> models;

  public TasteEval(Catalogue catalogue, List<ModelRun> models) {
    this.catalogue = catalogue;
    this.models = models;
  }

  public Result evaluate(List<Rating> allRatings, int maxUsers) {
    List<Rating> ratings =
        allRatings.stream().filter(r -> catalogue.indexOf(r.titleId()) >= 0).toList();
    Map<Integer, List<Rating>> byUser = new TreeMap<>();
    ratings.forEach(r -> byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r));

    double[] popularity = new double[catalogue.size()];
    List<Split> eligible = new ArrayList<>();
    for (var e : byUser.entrySet()) {
      Split s = split(e.getKey(), e.getValue());
      s.train().forEach(r -> popularity[catalogue.indexOf(r.titleId())]++);
      if (!s.test().isEmpty()) {
        eligible.add(s);
      }
    }

    Map<String, Acc> acc = new LinkedHashMap<>();
    Map<String, Acc> div = new LinkedHashMap<>();
    Map<String, float[]> genreQueries = new HashMap<>();
    int evaluated = 0;
    int noLike = 0;
    for (Split s : eligible) {
      if (evaluated >= maxUsers) {
        break;
      }
      Set<Integer> train = new HashSet<>();
      s.train().forEach(r -> train.add(catalogue.indexOf(r.titleId())));
      Set<Integer> liked = new HashSet<>();
      s.test().stream()
          .filter(r -> r.rating() >= 4)
          .forEach(r -> liked.add(catalogue.indexOf(r.titleId())));
      liked.removeAll(train);
      if (liked.isEmpty()) {
        noLike++;
        continue;
      }
      evaluated++;
      IntPredicate allowed = i -> !train.contains(i);
      List<Integer> pop = Rankings.top(popularity, K, allowed);
      List<Integer> rnd = Rankings.random(catalogue.size(), K, allowed, s.userId());
      acc.computeIfAbsent("random (broken on purpose)", x -> new Acc()).add(rnd, liked);
      acc.computeIfAbsent("popularity (training ratings)", x -> new Acc()).add(pop, liked);
      String genre = topGenre(liked);
      for (ModelRun m : models) {
        DenseIndex index = m.index();
        double[] taste = TasteMath.taste(weights(s.train(), index), NEGATIVE_SHARE);
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
          List<Integer> list = Mmr.rerank(candidates, tasteScores, index, d, K);
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
        ratings.size(), byUser.size(), eligible.size(), evaluated, noLike, taste, diversity);
  }

  /** Oldest 80 % train, newest 20 % test, for users with at least {@link #MIN_RATINGS}. */
  private static Split split(int userId, List<Rating> ratings) {
    List<Rating> sorted =
        ratings.stream()
            .sorted(Comparator.comparingLong(Rating::timestamp).thenComparingInt(Rating::movieId))
            .toList();
    if (sorted.size() < MIN_RATINGS) {
      return new Split(userId, sorted, List.of());
    }
    int test = (int) Math.max(1, Math.round(sorted.size() * HOLD_OUT));
    int cut = sorted.size() - test;
    return new Split(userId, sorted.subList(0, cut), sorted.subList(cut, sorted.size()));
  }

  /** Ratings as taste signals: >= 4 LIKED, <= 2 DISLIKED, else WATCHED; summed per title. */
  List<TitleWeight> weights(List<Rating> train, DenseIndex index) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Rating r : train) {
      Contribution c =
          SignalWeights.DEFAULTS.of(signal(r.rating()), null, Instant.ofEpochSecond(r.timestamp()));
      sums.computeIfAbsent(r.titleId(), x -> new double[2])[c.side() == Side.POS ? 0 : 1] +=
          c.weight();
    }
    List<TitleWeight> out = new ArrayList<>(sums.size());
    sums.forEach(
        (id, w) -> {
          float[] v = index.vector(catalogue.indexOf(id));
          double[] d = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
          }
          out.add(new TitleWeight(id, w[0], w[1], d));
        });
    return out;
  }

  static Signal signal(double rating) {
    return rating >= 4 ? Signal.LIKED : rating <= 2 ? Signal.DISLIKED : Signal.WATCHED;
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
