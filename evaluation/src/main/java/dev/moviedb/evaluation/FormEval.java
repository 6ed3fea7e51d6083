package dev.moviedb.evaluation;

import dev.moviedb.taste.domain.TasteMath;
import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.text.DocumentText.Form;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dense retrieval per document-text form and model: the catalogue is embedded in each form (through
 * the {@link EmbeddingCache}, so only the first run pays), and the labelled requests and TOMT posts
 * and generated requests by person are ranked against it exactly as {@link QueryEval} ranks the
 * default form, and MovieLens users' held-out titles against their taste as {@link TasteEval} does.
 */
final class FormEval {

  /**
   * One form with one model: per-request metrics on each query set, and per-user metrics of the
   * MovieLens taste ranking (no cases when MovieLens is absent).
   */
  record FormScore(
      Form form,
      String model,
      CaseMetrics labelled,
      CaseMetrics tomt,
      CaseMetrics people,
      CaseMetrics taste) {}

  private final Catalogue catalogue;
  private final EmbeddingCache cache;
  private final List<ModelRun> runs;
  private final List<String> timings = new ArrayList<>();
  private int failures;

  FormEval(Catalogue catalogue, EmbeddingCache cache, List<ModelRun> runs) {
    this.catalogue = catalogue;
    this.cache = cache;
    this.runs = runs;
  }

  /**
   * Scores every form with every model; {@code movieLens} may be null (then the taste metrics have
   * no cases).
   */
  List<FormScore> evaluate(
      List<Form> forms,
      List<QueryCase> labelled,
      List<QueryCase> tomt,
      List<QueryCase> people,
      HeldOut.Protocol movieLens)
      throws IOException {
    List<FormScore> out = new ArrayList<>();
    for (ModelRun run : runs) {
      for (Form form : forms) {
        long t = System.nanoTime();
        DenseIndex index =
            form == Form.DEFAULT
                ? run.index()
                : new DenseIndex(cache.vectors(catalogue.documentTexts(form), run.embedder()));
        timings.add(
            String.format(
                java.util.Locale.ROOT,
                "%s, form %s: title vectors ready in %.1f s",
                run.modelId(),
                form.id(),
                (System.nanoTime() - t) / 1e9));
        out.add(
            new FormScore(
                form,
                run.modelId(),
                score(run, index, labelled),
                score(run, index, tomt),
                score(run, index, people),
                taste(index, movieLens)));
      }
    }
    return out;
  }

  /** How long each form's vectors took (long only when they were not cached yet). */
  List<String> timings() {
    return List.copyOf(timings);
  }

  /** Requests on which the model threw; each counts as a miss. */
  int failures() {
    return failures;
  }

  /** The taste ranking of {@link TasteEval} (negative share as there) over this form's vectors. */
  private CaseMetrics taste(DenseIndex index, HeldOut.Protocol movieLens) {
    CaseMetrics metrics = new CaseMetrics();
    if (movieLens == null) {
      return metrics;
    }
    for (HeldOut.User user : movieLens.users()) {
      double[] taste =
          TasteMath.taste(
              HeldOut.weights(catalogue, user.train(), index), TasteEval.NEGATIVE_SHARE);
      double[] scores =
          taste == null ? new double[catalogue.size()] : index.scores(Vectors.normalize(taste));
      Set<Integer> train = user.trainTitles();
      metrics.add(
          Rankings.top(scores, TasteEval.DEPTH, i -> !train.contains(i)),
          new HashSet<>(user.liked()),
          TasteEval.DEPTH);
    }
    return metrics;
  }

  private CaseMetrics score(ModelRun run, DenseIndex index, List<QueryCase> cases) {
    CaseMetrics metrics = new CaseMetrics();
    for (QueryCase c : cases) {
      Set<Integer> gold =
          c.answers().stream()
              .map(catalogue::indexOf)
              .filter(i -> i >= 0)
              .collect(Collectors.toSet());
      List<Integer> ranking;
      try {
        float[] q = run.embedder().embedQuery(c.query());
        ranking = index.search(q, QueryEval.DEPTH, c.allowed(catalogue));
      } catch (RuntimeException e) {
        failures++;
        ranking = List.of();
      }
      metrics.add(ranking, gold, QueryEval.DEPTH);
    }
    return metrics;
  }
}
