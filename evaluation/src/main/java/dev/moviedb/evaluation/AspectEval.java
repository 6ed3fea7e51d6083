package dev.moviedb.evaluation;

import dev.moviedb.understanding.RequestPlan;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.text.DocumentText.Form;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Aspect vectors: every title embedded twice, in the default document-text form and in {@link
 * #PLOT} (title, genres, plot: the plot aspect), as two named vectors in Qdrant or two vector
 * fields in Lucene would hold them, and each request ranked over one of them or both. The request
 * vector and the filter are the shipped path's ({@link RequestPlan}, as recommend-api reads the
 * words); the ranking is the exact cosine scan, so that the variants differ only in how the two
 * cosines are combined.
 */
final class AspectEval {

  /** The second vector's form. */
  static final Form PLOT = Form.MINIMAL;

  /** How a request is ranked over the two vectors. */
  enum Variant {
    DEFAULT("default", "the default form's cosine alone (one vector, as shipped)"),
    PLOT_ONLY("plot", "`" + PLOT.id() + "`'s cosine alone"),
    MEAN("mean", "the mean of the two cosines"),
    MAX("max", "the larger of the two cosines"),
    RRF(
        "RRF",
        "reciprocal rank fusion (k = "
            + Rrf.DEFAULT_K
            + ") of the two rankings' top "
            + QueryEval.DEPTH),
    ROUTED(
        "routed",
        "`"
            + PLOT.id()
            + "`'s cosine for descriptions (more than "
            + RequestReader.DESCRIPTION_WORDS
            + " words, RequestReader.DESCRIPTION_WORDS), else the default's");

    final String id;
    final String description;

    Variant(String id, String description) {
      this.id = id;
      this.description = description;
    }
  }

  /** One variant with one model: per-request metrics on each query set. */
  record AspectScore(
      Variant variant, String model, CaseMetrics labelled, CaseMetrics tomt, CaseMetrics people) {}

  private final Catalogue catalogue;
  private final EmbeddingCache cache;
  private final List<ModelRun> runs;
  private int failures;

  AspectEval(Catalogue catalogue, EmbeddingCache cache, List<ModelRun> runs) {
    this.catalogue = catalogue;
    this.cache = cache;
    this.runs = runs;
  }

  /** Scores every variant with every model, in {@link Variant} order per model. */
  List<AspectScore> evaluate(List<QueryCase> labelled, List<QueryCase> tomt, List<QueryCase> people)
      throws IOException {
    List<AspectScore> out = new ArrayList<>();
    for (ModelRun run : runs) {
      DenseIndex full = run.index().vectors();
      DenseIndex plot =
          new DenseIndex(cache.vectors(catalogue.documentTexts(PLOT), run.embedder()));
      List<StoredTitle> titles = new ArrayList<>(catalogue.size());
      for (int i = 0; i < catalogue.size(); i++) {
        titles.add(StoredTitle.from(catalogue.title(i), "eval-" + i, full.vector(i)));
      }
      Map<Variant, CaseMetrics> l = score(run, full, plot, titles, labelled);
      Map<Variant, CaseMetrics> t = score(run, full, plot, titles, tomt);
      Map<Variant, CaseMetrics> p = score(run, full, plot, titles, people);
      for (Variant v : Variant.values()) {
        out.add(new AspectScore(v, run.modelId(), l.get(v), t.get(v), p.get(v)));
      }
    }
    return out;
  }

  /** Requests whose plan threw; each counts as a miss for every variant. */
  int failures() {
    return failures;
  }

  private Map<Variant, CaseMetrics> score(
      ModelRun run,
      DenseIndex full,
      DenseIndex plot,
      List<StoredTitle> titles,
      List<QueryCase> cases) {
    Map<Variant, CaseMetrics> metrics = new EnumMap<>(Variant.class);
    for (Variant v : Variant.values()) {
      metrics.put(v, new CaseMetrics());
    }
    for (QueryCase c : cases) {
      RequestPlan plan;
      try {
        plan =
            RequestPlan.of(
                c.query(), run.index().reader(), c.filter(), run.embedder(), run.index().names());
      } catch (RuntimeException e) {
        failures++;
        System.err.println(run.modelId() + " failed on a request (counted as a miss): " + e);
        plan = null;
      }
      double[] fullScores = plan == null ? null : full.scores(plan.queryVector());
      double[] plotScores = plan == null ? null : plot.scores(plan.queryVector());
      IntPredicate allowed = plan == null ? null : allowed(plan, titles);
      boolean description = RequestReader.isDescription(c.query());
      for (Variant v : Variant.values()) {
        List<Integer> ranking =
            plan == null
                ? List.of()
                : rank(v, fullScores, plotScores, allowed, description, QueryEval.DEPTH);
        metrics.get(v).add(ranking, c.gold(catalogue), QueryEval.DEPTH);
      }
    }
    return metrics;
  }

  /** The plan's filter over the catalogue, without the "like X" title itself. */
  private IntPredicate allowed(RequestPlan plan, List<StoredTitle> titles) {
    TitleFilter filter = plan.filter();
    int like = plan.like() == null ? -1 : catalogue.indexOf(plan.like().titleId());
    if (filter.equals(TitleFilter.NONE)) {
      return i -> i != like;
    }
    return i -> i != like && filter.accepts(titles.get(i));
  }

  /**
   * The top {@code depth} allowed catalogue positions, best first, by one variant of the two
   * cosines ({@code full[i]}, {@code plot[i]}: title i's cosine to the request in each form).
   */
  static List<Integer> rank(
      Variant variant,
      double[] full,
      double[] plot,
      IntPredicate allowed,
      boolean description,
      int depth) {
    if (full.length != plot.length) {
      throw new IllegalArgumentException(
          "the two vectors' scores differ in length: " + full.length + " vs " + plot.length);
    }
    return switch (variant) {
      case DEFAULT -> Rankings.top(full, depth, allowed);
      case PLOT_ONLY -> Rankings.top(plot, depth, allowed);
      case MEAN -> Rankings.top(combine(full, plot, (a, b) -> (a + b) / 2), depth, allowed);
      case MAX -> Rankings.top(combine(full, plot, Math::max), depth, allowed);
      case RRF ->
          Rrf.fuse(
              List.of(Rankings.top(full, depth, allowed), Rankings.top(plot, depth, allowed)),
              Rrf.DEFAULT_K,
              depth);
      case ROUTED -> Rankings.top(description ? plot : full, depth, allowed);
    };
  }

  private static double[] combine(
      double[] a, double[] b, java.util.function.DoubleBinaryOperator op) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = op.applyAsDouble(a[i], b[i]);
    }
    return out;
  }
}
