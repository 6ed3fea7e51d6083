package dev.moviedb.evaluation;

import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.TasteWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Query -> title: the shipped ranking per model (recommend-api's path for words: read by the
 * understanding module, ranked by the ranking module over its vector store), the same words
 * embedded as typed, BM25, hybrid (RRF of BM25 and the shipped top 100) per model, and a random
 * baseline, each over the same requests with the same constraints applied.
 */
public final class QueryEval {

  public static final int DEPTH = 100;
  static final long RANDOM_SEED = 42;

  private final Catalogue catalogue;
  private final Bm25Index bm25;
  private final List<ModelRun> models;
  private int failures;

  public QueryEval(Catalogue catalogue, Bm25Index bm25, List<ModelRun> models) {
    this.catalogue = catalogue;
    this.bm25 = bm25;
    this.models = models;
  }

  public List<RetrievalScore> evaluate(String querySet, List<QueryCase> cases) {
    Map<String, Accumulator> acc = new LinkedHashMap<>();
    acc.put("random (broken on purpose)", new Accumulator());
    acc.put("BM25", new Accumulator());
    for (ModelRun m : models) {
      acc.put("shipped ranking " + m.modelId(), new Accumulator());
      acc.put("words as typed, not read " + m.modelId(), new Accumulator());
      acc.put("hybrid RRF BM25 + " + m.modelId(), new Accumulator());
    }
    int n = 0;
    for (QueryCase c : cases) {
      Set<Integer> gold = c.gold(catalogue);
      IntPredicate allowed = c.allowed(catalogue);
      acc.get("random (broken on purpose)")
          .add(Rankings.random(catalogue.size(), DEPTH, allowed, RANDOM_SEED + n), gold);
      List<Integer> lexical = bm25(c.query(), allowed);
      acc.get("BM25").add(lexical, gold);
      for (ModelRun m : models) {
        List<Integer> dense = orMiss(m, () -> shipped(m, c));
        acc.get("shipped ranking " + m.modelId()).add(dense, gold);
        acc.get("words as typed, not read " + m.modelId())
            .add(orMiss(m, () -> asTyped(m, c)), gold);
        acc.get("hybrid RRF BM25 + " + m.modelId())
            .add(Rrf.fuse(List.of(lexical, dense), Rrf.DEFAULT_K, DEPTH), gold);
      }
      n++;
      if (n % 100 == 0) {
        System.err.printf("%s: %d/%d queries%n", querySet, n, cases.size());
      }
    }
    List<RetrievalScore> out = new ArrayList<>();
    acc.forEach((method, a) -> out.add(a.score(querySet, method)));
    return out;
  }

  private List<Integer> bm25(String query, IntPredicate allowed) {
    try {
      return bm25.search(query, DEPTH, allowed);
    } catch (RuntimeException e) {
      failures++;
      System.err.println("BM25 failed on a query (counted as a miss): " + e);
      return List.of();
    }
  }

  /**
   * The shipped ranking of a request in words: read (constraints become filters, Dutch glossed,
   * "like X" anchored), its labelled constraints as explicit parameters, no taste.
   */
  static List<Integer> shipped(ModelRun m, QueryCase c) {
    ShippedIndex index = m.index();
    return index.positions(
        index.words(c.query(), c.filter(), m.embedder(), index.reader(), TasteWeights.NONE, DEPTH));
  }

  /** The words as typed, embedded whole (no reading), through the same ranking. */
  static List<Integer> asTyped(ModelRun m, QueryCase c) {
    float[] query = m.embedder().embedQuery(c.query());
    return m.index()
        .rank(ShippedIndex.SHIPPED, RankingRequest.forQuery(query, c.query(), DEPTH), c.filter());
  }

  private List<Integer> orMiss(ModelRun m, java.util.function.Supplier<List<Integer>> ranking) {
    try {
      return ranking.get();
    } catch (RuntimeException e) {
      failures++;
      System.err.println(m.modelId() + " failed on a query (counted as a miss): " + e);
      return List.of();
    }
  }

  /** Queries on which a method threw; each counts as a miss. */
  public int failures() {
    return failures;
  }

  private static final class Accumulator {
    private final List<Double> hit1 = new ArrayList<>();
    private final List<Double> hit10 = new ArrayList<>();
    private final List<Double> rr = new ArrayList<>();

    void add(List<Integer> ranking, Set<Integer> gold) {
      hit1.add(Metrics.hitAt(ranking, gold, 1));
      hit10.add(Metrics.hitAt(ranking, gold, 10));
      rr.add(Metrics.reciprocalRank(ranking, gold, DEPTH));
    }

    RetrievalScore score(String set, String method) {
      return new RetrievalScore(
          set, method, rr.size(), Metrics.mean(hit1), Metrics.mean(hit10), Metrics.mean(rr));
    }
  }
}
