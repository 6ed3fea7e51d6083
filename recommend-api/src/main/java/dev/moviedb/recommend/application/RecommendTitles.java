package dev.moviedb.recommend.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.recommend.application.port.ServingIndex.Serving;
import dev.moviedb.recommend.application.port.TasteStore;
import dev.moviedb.recommend.config.RecommendConfig;
import dev.moviedb.recommend.domain.FranchiseKey;
import dev.moviedb.recommend.domain.Mmr;
import dev.moviedb.recommend.domain.Recommendation;
import dev.moviedb.recommend.domain.TasteProfile;
import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Use case: rank titles for a query, a user's taste, or both.
 *
 * <p>Candidates come from the index (nearest to the query and nearest to the taste, hard filters
 * applied inside the index); each candidate gets exact cosine scores; each score is calibrated as a
 * z-score against a random sample of the catalogue (so that query and taste scores, whose spreads
 * differ, can be added); watched titles are dropped, one title per franchise is kept, and MMR
 * diversifies the list.
 */
@ApplicationScoped
public class RecommendTitles {

  private final ServingIndex serving;
  private final TasteStore tastes;
  private final RecommendConfig config;
  private final Cache<String, float[]> queryCache;
  private final Cache<String, String> franchiseKeys =
      Caffeine.newBuilder().maximumSize(200_000).build();
  private volatile Calibration calibration = new Calibration(null, -1, List.of());

  public RecommendTitles(ServingIndex serving, TasteStore tastes, RecommendConfig config) {
    this.serving = serving;
    this.tastes = tastes;
    this.config = config;
    this.queryCache = Caffeine.newBuilder().maximumSize(config.queryCacheSize()).build();
  }

  /** A validated request. */
  public record Request(
      String query,
      String userId,
      String similarTo,
      int limit,
      int offset,
      TitleFilter filter,
      Double alpha,
      Double diversity) {}

  /** The ranked page and what produced it. */
  public record Result(
      List<Recommendation> items,
      String model,
      double alpha,
      double diversity,
      boolean usedQuery,
      boolean usedTaste,
      int candidates,
      Map<String, Double> timingsMillis) {}

  /** Neither a query, a taste, nor a title to start from. */
  public static class NothingToRankException extends IllegalArgumentException {
    public NothingToRankException(String message) {
      super(message);
    }
  }

  /** The title for "more like this" does not exist. */
  public static class UnknownTitleException extends RuntimeException {
    public UnknownTitleException(String titleId) {
      super("no title with id " + titleId);
    }
  }

  public Result recommend(Request request) {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Serving now = serving.current();
    TextEmbedder embedder = now.embedder();
    VectorStore store = now.store();
    float[] queryVector = null;
    StoredTitle seed = null;
    if (request.similarTo() != null) {
      seed = store.get(List.of(request.similarTo())).get(request.similarTo());
      if (seed == null) {
        throw new UnknownTitleException(request.similarTo());
      }
      queryVector = seed.vector();
    } else if (request.query() != null && !request.query().isBlank()) {
      String key = embedder.modelId() + '\n' + request.query().strip().toLowerCase(Locale.ROOT);
      queryVector = queryCache.get(key, k -> embedder.embedQuery(request.query().strip()));
    }
    long t1 = System.nanoTime();
    timings.put("queryEmbedding", millis(t0, t1));

    Optional<TasteProfile> taste =
        request.userId() == null ? Optional.empty() : tastes.find(request.userId());
    Map<String, StoredTitle> tasteTitles = Map.of();
    float[] tasteVector = null;
    if (taste.isPresent() && !taste.get().isEmpty()) {
      Set<String> ids = new LinkedHashSet<>(taste.get().positive().keySet());
      ids.addAll(taste.get().negative().keySet());
      tasteTitles = store.get(ids);
      Map<String, float[]> vectors = new HashMap<>();
      tasteTitles.forEach((id, t) -> vectors.put(id, t.vector()));
      tasteVector = taste.get().tasteVector(vectors, config.negativeShare());
    }
    if (queryVector == null && tasteVector == null) {
      throw new NothingToRankException(
          request.userId() == null
              ? "q is required when no userId is given"
              : "user "
                  + request.userId()
                  + " has no viewing history yet: give q, or upload a Netflix history first");
    }
    Set<String> watched = taste.map(TasteProfile::watched).orElse(Set.of());
    int k = config.candidates() + request.offset() + request.limit() + watched.size();

    List<float[]> sources = new ArrayList<>(2);
    if (queryVector != null) {
      sources.add(queryVector);
    }
    if (tasteVector != null) {
      sources.add(tasteVector);
    }
    Map<String, StoredTitle> candidates = new LinkedHashMap<>();
    for (List<dev.moviedb.vectors.store.ScoredTitle> nearest :
        store.searchEach(sources, k, request.filter())) {
      nearest.forEach(s -> candidates.putIfAbsent(s.title().titleId(), s.title()));
    }
    long t2 = System.nanoTime();
    timings.put("retrieval", millis(t1, t2));

    double alpha =
        queryVector == null
            ? 0
            : tasteVector == null ? 1 : request.alpha() != null ? request.alpha() : config.alpha();
    List<float[]> sample = sample(store);
    Stats queryStats = queryVector == null ? null : stats(queryVector, sample);
    Stats tasteStats = tasteVector == null ? null : stats(tasteVector, sample);
    List<Scored> scored = new ArrayList<>();
    for (StoredTitle t : candidates.values()) {
      if (watched.contains(t.titleId()) || (seed != null && t.titleId().equals(seed.titleId()))) {
        continue;
      }
      Double qs = queryVector == null ? null : Vectors.dot(queryVector, t.vector());
      Double ts = tasteVector == null ? null : Vectors.dot(tasteVector, t.vector());
      double combined =
          (qs == null ? 0 : alpha * queryStats.z(qs))
              + (ts == null ? 0 : (1 - alpha) * tasteStats.z(ts));
      scored.add(new Scored(t, combined, qs, ts));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    int wanted = request.offset() + request.limit();
    List<Scored> collapsed = collapseFranchises(scored, seed, diversityPool(wanted));
    long t3 = System.nanoTime();
    timings.put("scoring", millis(t2, t3));

    double diversity = request.diversity() != null ? request.diversity() : config.diversity();
    List<Scored> ordered =
        diversity <= 0
            ? collapsed.subList(0, Math.min(wanted, collapsed.size()))
            : Mmr.select(collapsed, wanted, 1 - diversity, Scored::score, s -> s.title().vector());
    List<Scored> page = ordered.subList(Math.min(request.offset(), ordered.size()), ordered.size());
    long t4 = System.nanoTime();
    timings.put("diversity", millis(t3, t4));

    List<Recommendation> items = explain(page, request.query(), taste.orElse(null), tasteTitles);
    timings.put("explanations", millis(t4, System.nanoTime()));
    timings.put("total", millis(t0, System.nanoTime()));
    return new Result(
        items,
        embedder.modelId(),
        alpha,
        diversity,
        queryVector != null,
        tasteVector != null,
        candidates.size(),
        timings);
  }

  private record Scored(StoredTitle title, double score, Double queryScore, Double tasteScore) {}

  /** Mean and spread of a score over a random sample of the catalogue. */
  private record Stats(double mean, double sd) {
    double z(double score) {
      return (score - mean) / sd;
    }
  }

  private static Stats stats(float[] vector, List<float[]> s) {
    if (s.size() < 2) {
      return new Stats(0, 1);
    }
    double sum = 0;
    double sumSq = 0;
    for (float[] v : s) {
      double d = Vectors.dot(vector, v);
      sum += d;
      sumSq += d * d;
    }
    double mean = sum / s.size();
    double variance = Math.max(1e-6, sumSq / s.size() - mean * mean);
    return new Stats(mean, Math.sqrt(variance));
  }

  /** The calibration sample of one index. */
  private record Calibration(VectorStore store, long count, List<float[]> sample) {}

  /**
   * A random sample of title vectors of the served index, redrawn when the catalogue size changes
   * or another index is served.
   */
  private List<float[]> sample(VectorStore store) {
    Calibration c = calibration;
    long count = store.count();
    if (c.store() != store || c.count() != count) {
      int n = config.calibrationSample();
      List<float[]> reservoir = new ArrayList<>(n);
      long[] seen = {0};
      ThreadLocalRandom random = ThreadLocalRandom.current();
      store.forEach(
          t -> {
            seen[0]++;
            if (reservoir.size() < n) {
              reservoir.add(t.vector());
            } else {
              long j = random.nextLong(seen[0]);
              if (j < n) {
                reservoir.set((int) j, t.vector());
              }
            }
          });
      c = new Calibration(store, count, List.copyOf(reservoir));
      calibration = c;
    }
    return c.sample();
  }

  /**
   * The best titles MMR chooses from: the top of the fused ranking, not the whole candidate union
   * (a title far down the ranking never makes a short list, and MMR's cost grows with the pool).
   */
  static int diversityPool(int wanted) {
    return Math.max(100, 5 * wanted);
  }

  /**
   * Keeps the best-scored title of each franchise (the catalogue's franchise field, else a key
   * derived from the title: FranchiseKey), until {@code enough} titles are kept.
   */
  private List<Scored> collapseFranchises(List<Scored> sorted, StoredTitle seed, int enough) {
    Set<String> seen = new LinkedHashSet<>();
    if (seed != null) {
      seen.add(franchiseKey(seed));
    }
    List<Scored> kept = new ArrayList<>();
    for (Scored s : sorted) {
      if (seen.add(franchiseKey(s.title()))) {
        kept.add(s);
        if (kept.size() == enough) {
          break;
        }
      }
    }
    return kept;
  }

  /**
   * Franchise keys are derived once per distinct franchise field and title name (a title without
   * either gets its own key from its id, so it is not cached under a shared empty name).
   */
  private String franchiseKey(StoredTitle t) {
    if (t.title() == null || t.title().isBlank()) {
      return FranchiseKey.of(t);
    }
    return franchiseKeys.get(
        (t.franchise() == null ? "" : t.franchise()) + '\u0000' + t.title(),
        k -> FranchiseKey.of(t));
  }

  private static List<Recommendation> explain(
      List<Scored> page, String query, TasteProfile taste, Map<String, StoredTitle> tasteTitles) {
    List<StoredTitle> liked =
        taste == null
            ? List.of()
            : taste.liked().keySet().stream()
                .map(tasteTitles::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    Set<String> queryWords = words(query);
    List<Recommendation> items = new ArrayList<>();
    for (Scored s : page) {
      StoredTitle t = s.title();
      List<String> because =
          liked.stream()
              .sorted(
                  Comparator.comparingDouble(
                      (StoredTitle l) -> -Vectors.dot(l.vector(), t.vector())))
              .limit(2)
              .map(StoredTitle::title)
              .toList();
      items.add(
          new Recommendation(
              t.titleId(),
              t.title(),
              t.type(),
              t.year(),
              t.genres(),
              round(s.score()),
              s.queryScore() == null ? null : round(s.queryScore()),
              s.tasteScore() == null ? null : round(s.tasteScore()),
              because,
              matched(t, queryWords, liked)));
    }
    return items;
  }

  /** The metadata behind a match: query words found in the title's fields, shared liked genres. */
  private static List<String> matched(
      StoredTitle t, Set<String> queryWords, java.util.Collection<StoredTitle> liked) {
    List<String> matched = new ArrayList<>();
    Map<String, List<String>> fields = new HashMap<>();
    fields.put("genre", t.genres());
    fields.put("cast", t.cast());
    fields.put("director", t.directors());
    fields.put("title", List.of(t.title()));
    fields.put("type", List.of(t.type() == null ? "" : t.type().name().toLowerCase(Locale.ROOT)));
    for (var field : fields.entrySet()) {
      for (String value : field.getValue()) {
        Set<String> valueWords = words(value);
        valueWords.retainAll(queryWords);
        if (!valueWords.isEmpty()) {
          matched.add(field.getKey() + ": " + value);
        }
      }
    }
    Set<String> likedGenres = new LinkedHashSet<>();
    liked.forEach(l -> likedGenres.addAll(l.genres()));
    for (String genre : t.genres()) {
      if (likedGenres.contains(genre)) {
        matched.add("taste genre: " + genre);
      }
    }
    return matched.stream().distinct().toList();
  }

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "in",
          "on",
          "with",
          "where",
          "who",
          "for",
          "to",
          "about",
          "that",
          "is",
          "it",
          "me",
          "my",
          "some",
          "something",
          "film",
          "movie",
          "show",
          "een",
          "de",
          "het",
          "met",
          "over",
          "van",
          "waar",
          "en");

  private static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    for (String w : normalise(text).split(" ")) {
      if (w.length() > 2 && !STOP_WORDS.contains(w)) {
        words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return words;
  }

  private static String normalise(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static double millis(long from, long to) {
    return Math.round((to - from) / 10_000.0) / 100.0;
  }

  private static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }
}
